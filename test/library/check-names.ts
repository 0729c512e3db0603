import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LibraryEntry } from '../../build/read-library.ts';
import { displayPath, type Problem } from './problem';

export const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Files the library root may hold besides group folders. */
const ROOT_FILES = new Set(['config.schema.json']);

const isDir = (path: string) => statSync(path).isDirectory();

/**
 * Checks the library's layout on disk: `<group>/<name>/` folders in kebab-case, each with a
 * `config.json` and `<lang>.hbs` templates and nothing else. A stray file or a folder without
 * config.json would be silently skipped by the build, so it is reported here.
 */
export function checkNames(root: string): Problem[] {
  if (!existsSync(root)) return [{ file: displayPath(root), reason: 'the library folder does not exist' }];
  const problems: Problem[] = [];
  const report = (path: string, reason: string) => problems.push({ file: displayPath(path), reason });

  for (const group of readdirSync(root).sort()) {
    const groupDir = join(root, group);
    if (!isDir(groupDir)) {
      if (!ROOT_FILES.has(group)) report(groupDir, 'unexpected file: the library root holds only group folders and config.schema.json');
      continue;
    }
    if (!KEBAB_CASE.test(group)) report(groupDir, `group folder "${group}" is not kebab-case (lowercase words joined by "-")`);
    for (const name of readdirSync(groupDir).sort()) {
      const dir = join(groupDir, name);
      if (!isDir(dir)) {
        report(dir, 'unexpected file: a group folder holds only snippet folders');
        continue;
      }
      if (!KEBAB_CASE.test(name)) report(dir, `snippet folder "${name}" is not kebab-case (lowercase words joined by "-")`);
      if (!existsSync(join(dir, 'config.json'))) report(dir, 'has no config.json, so the build skips this folder');
      for (const file of readdirSync(dir).sort()) {
        if (file === 'config.json') continue;
        const base = file.endsWith('.hbs') ? file.slice(0, -'.hbs'.length) : null;
        if (base === null || isDir(join(dir, file))) report(join(dir, file), 'unexpected file: a snippet folder holds only config.json and <lang>.hbs templates');
        else if (!KEBAB_CASE.test(base)) report(join(dir, file), `template name "${file}" is not kebab-case`);
      }
    }
  }
  return problems;
}

/** Ids a page could not tell apart: equal but for case. */
export function findIdCollisions(entries: readonly LibraryEntry[]): Problem[] {
  const seen = new Map<string, LibraryEntry>();
  const problems: Problem[] = [];
  for (const entry of entries) {
    const key = entry.id.toLowerCase();
    const first = seen.get(key);
    if (first) problems.push({ file: displayPath(entry.dir), reason: `id "${entry.id}" collides with "${first.id}" (${displayPath(first.dir)})` });
    else seen.set(key, entry);
  }
  return problems;
}
