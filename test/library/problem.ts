import { relative, sep } from 'node:path';

/** One thing wrong in the library: the file to fix and why. */
export interface Problem {
  file: string;
  reason: string;
}

/** A path as a reader finds it from the repository root: `shared/snippets/open-ai/embedding/py.hbs`. */
export const displayPath = (path: string): string => relative(process.cwd(), path).split(sep).join('/');
