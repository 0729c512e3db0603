import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SnippetConfig } from '../src/core/types.ts';

/** One snippet folder of the template library, as found on disk. */
export interface LibraryEntry {
  id: string;
  group: string;
  name: string;
  dir: string;
  configPath: string;
  /** One `<lang>.hbs` per language, sorted by file name. */
  templates: { lang: string; path: string }[];
}

/** A snippet folder with its config read. */
export interface LibrarySnippet extends LibraryEntry {
  config: SnippetConfig;
}

const isDir = (path: string) => statSync(path).isDirectory();

/** Lists `shared/snippets/<group>/<name>/` folders; folders without a `config.json` are skipped. */
export function scanLibrary(root: string): LibraryEntry[] {
  if (!existsSync(root)) return [];
  const entries: LibraryEntry[] = [];
  for (const group of readdirSync(root).sort()) {
    const groupDir = join(root, group);
    if (!isDir(groupDir)) continue;
    for (const name of readdirSync(groupDir).sort()) {
      const dir = join(groupDir, name);
      if (!isDir(dir)) continue;
      const configPath = join(dir, 'config.json');
      if (!existsSync(configPath)) continue;
      const templates = readdirSync(dir)
        .filter((file) => file.endsWith('.hbs'))
        .sort()
        .map((file) => ({ lang: file.slice(0, -'.hbs'.length), path: join(dir, file) }));
      entries.push({ id: `${group}.${name}`, group, name, dir, configPath, templates });
    }
  }
  return entries;
}

/**
 * Reads a snippet's `config.json`, without its `$schema` (a link for editors, of no use to
 * the page). The library check validates it against the schema; the build only needs JSON.
 */
export function readConfig(entry: LibraryEntry): SnippetConfig {
  let config: SnippetConfig & { $schema?: string };
  try {
    config = JSON.parse(readFileSync(entry.configPath, 'utf8')) as SnippetConfig & { $schema?: string };
  } catch (error) {
    throw new Error(`${entry.configPath} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  delete config.$schema;
  return config;
}

/** Every snippet of the library with its config, read once. */
export function readLibrary(root: string): LibrarySnippet[] {
  return scanLibrary(root).map((entry) => ({ ...entry, config: readConfig(entry) }));
}
