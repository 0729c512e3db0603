import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

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
