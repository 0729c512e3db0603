// @ts-check
// Run before `npm publish`: fails when the tarball would lack a file that package.json points at
// (exports, main, module, types, bin). npm packs what `files` (or, without it, .gitignore) lets
// through, not what the build wrote, so a built `dist-lib/` can still be left out.
//
// Usage: node scripts/deploy/check-package.mjs [packageDir]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * What `npm pack` would put in the tarball of `dir`, and which files package.json names that it lacks.
 * @param {string} [dir]
 * @returns {{ id: string, files: string[], missing: string[] }}
 */
export function checkPackage(dir = '.') {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  // --offline: packing needs no registry; --ignore-scripts: the files must already be built.
  const json = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '--offline'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  /** @type {{ id: string, files: { path: string }[] }[]} */
  const [packed] = JSON.parse(json);
  if (!packed) throw new Error('npm pack --dry-run --json printed no package.');
  const files = packed.files.map((f) => f.path);
  const missing = [...new Set(targetsOf(pkg))].filter((target) => !files.some((file) => matches(target, file)));
  return { id: packed.id, files, missing };
}

/**
 * Every file path package.json refers to, without a leading `./`.
 * @param {Record<string, unknown>} pkg
 * @returns {string[]}
 */
function targetsOf(pkg) {
  /** @type {string[]} */
  const found = [];
  /** @param {unknown} value */
  const collect = (value) => {
    if (typeof value === 'string') found.push(value.replace(/^\.\//, ''));
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const field of ['exports', 'main', 'module', 'types', 'typings', 'bin']) collect(pkg[field]);
  return found;
}

/**
 * A subpath pattern (`dist/*.js`) matches any file in its place; anything else matches itself.
 * @param {string} target
 * @param {string} file
 */
function matches(target, file) {
  if (!target.includes('*')) return target === file;
  const [before = '', after = ''] = target.split('*');
  return file.startsWith(before) && file.endsWith(after) && file.length > before.length + after.length;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { id, files, missing } = checkPackage(process.argv[2] ?? '.');
    if (missing.length) {
      console.error(`check-package: ${id} would not contain ${missing.join(', ')}, which package.json names. Build it, and list it in "files".`);
      process.exit(1);
    }
    console.log(`${id}: ${files.length} files, every one package.json names among them.`);
  } catch (error) {
    console.error(`check-package: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
