import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { scanLibrary } from '../../build/read-library.ts';
import type { SnippetConfig } from '../../src/core/types.ts';

/** `config.json` (see shared/snippets/config.schema.json): the widget's own type. */
export type LibraryConfig = SnippetConfig;

/** A value of `payload`: text, or a number or boolean that makes its variable numeric or boolean. */
export type PayloadValue = SnippetConfig['payload'][string];

/** One snippet folder: `<root>/<group>/<name>/config.json` and its `<lang>.hbs` templates. */
export interface LibrarySnippet {
  id: string;
  group: string;
  name: string;
  dir: string;
  config: LibraryConfig;
  /** Template sources by language (`py`, `js`, `sh` …), in file-name order. */
  templates: Record<string, string>;
}

/** A problem with the library on disk; the message names the file and the fix. */
export class LibraryError extends Error {
  override name = 'LibraryError';
}

/**
 * Reads every snippet of a template library folder (the layout of `shared/snippets/`), as the
 * widget's build finds them (the build's scan: folders without a `config.json` are skipped),
 * with errors that name the file and the fix, for the command-line tools.
 */
export function readLibrary(root: string): LibrarySnippet[] {
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new LibraryError(`Snippet library folder not found: ${root}. Pass the folder that holds <group>/<name>/config.json, e.g. --library shared/snippets.`);
  }
  return scanLibrary(root).map(({ id, group, name, dir, configPath, templates }) => ({
    id,
    group,
    name,
    dir,
    config: readConfig(configPath, root),
    templates: Object.fromEntries(templates.map(({ lang, path }) => [lang, readFileSync(path, 'utf8')])),
  }));
}

function readConfig(path: string, root: string): LibraryConfig {
  const where = relative(process.cwd(), path) || path;
  let config: unknown;
  try {
    config = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new LibraryError(`${where} is not valid JSON (${(error as Error).message}). Fix the file; \`npm run check:snippets\` checks it against ${relative(process.cwd(), join(root, 'config.schema.json'))}.`);
  }
  const { title, payload } = (config ?? {}) as Partial<LibraryConfig>;
  if (typeof title !== 'string' || typeof payload !== 'object' || payload === null) {
    throw new LibraryError(`${where} needs a "title" (text) and a "payload" (an object of defaults). Run \`npm run check:snippets\` for the full check.`);
  }
  return config as LibraryConfig;
}
