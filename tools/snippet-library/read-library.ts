import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
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

const isDir = (path: string) => statSync(path).isDirectory();

/**
 * Reads every snippet of a template library folder (the layout of `shared/snippets/`).
 * Folders without a `config.json` are not snippets and are skipped, as the widget's build does.
 */
export function readLibrary(root: string): LibrarySnippet[] {
  if (!existsSync(root) || !isDir(root)) {
    throw new LibraryError(`Snippet library folder not found: ${root}. Pass the folder that holds <group>/<name>/config.json, e.g. --library shared/snippets.`);
  }
  const snippets: LibrarySnippet[] = [];
  for (const group of readdirSync(root).sort()) {
    const groupDir = join(root, group);
    if (!isDir(groupDir)) continue;
    for (const name of readdirSync(groupDir).sort()) {
      const dir = join(groupDir, name);
      const configPath = join(dir, 'config.json');
      if (!isDir(dir) || !existsSync(configPath)) continue;
      const templates: Record<string, string> = {};
      for (const file of readdirSync(dir).sort()) {
        if (file.endsWith('.hbs')) templates[file.slice(0, -'.hbs'.length)] = readFileSync(join(dir, file), 'utf8');
      }
      snippets.push({ id: `${group}.${name}`, group, name, dir, config: readConfig(configPath, root), templates });
    }
  }
  return snippets;
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
