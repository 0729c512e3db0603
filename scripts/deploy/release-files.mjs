// @ts-check
// The release manifest (`dist/manifest.json`) and the files it lists: written by the Vite plugin in
// build/release-manifest.ts, read back by the deploy scripts. One module for both sides, so the
// listing, the sha384 integrity and the Content-Types cannot drift apart. Plain JavaScript with
// JSDoc types, because the deploy workflow runs the scripts with plain `node`.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * One file of a release, as listed in `manifest.json`.
 * @typedef {{ file: string, bytes: number, gzipBytes?: number, integrity: string }} ReleaseFile
 */

/**
 * `dist/manifest.json`: what a release holds, with a Subresource Integrity hash per file.
 * @typedef {{ name: string, version: string, files: ReleaseFile[] }} ReleaseManifest
 */

/**
 * A file ready to upload: its path under the release folder, its bytes and its Content-Type.
 * @typedef {{ file: string, body: Buffer<ArrayBuffer>, contentType: string }} ReleaseUpload
 */

/**
 * A release read back from disk and verified: the files come in upload order, manifest last.
 * @typedef {{ name: string, version: string, major: string, manifest: ReleaseManifest, files: ReleaseUpload[] }} Release
 */

export const MANIFEST_FILE = 'manifest.json';

// Text files are worth a gzip figure (the size a reader downloads); binaries are not.
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.json', '.map', '.svg', '.html', '.txt', '.md']);

/** @type {Readonly<Record<string, string>>} */
const CONTENT_TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  // The snippets' pages for search engines and assistants (snippets/<group>/<name>.md).
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/**
 * The Content-Type for a file name; an unknown extension fails rather than ship as octet-stream.
 * @param {string} file
 * @returns {string}
 */
export function contentTypeFor(file) {
  const type = CONTENT_TYPES[extname(file).toLowerCase()];
  if (!type) {
    throw new Error(`No Content-Type known for "${file}". Add its extension to CONTENT_TYPES in scripts/deploy/release-files.mjs.`);
  }
  return type;
}

/**
 * `sha384-<base64>`, the form `integrity` attributes take.
 * @param {Uint8Array} bytes
 * @returns {string}
 */
export function sriHash(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/**
 * `1.4.2` → `1`, `2.0.0-main.abc1234` → `2`.
 * @param {string} version
 * @returns {string}
 */
export function majorOf(version) {
  const match = /^(\d+)\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.exec(version);
  if (!match?.[1]) throw new Error(`"${version}" is not a semver version like 1.2.3 or 1.2.3-main.abc1234.`);
  return match[1];
}

/**
 * Every file under `dir` but the manifest itself, as sorted `/`-separated relative paths.
 * @param {string} dir
 * @returns {string[]}
 */
export function listReleaseFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => file !== MANIFEST_FILE)
    .sort();
}

/**
 * Lists every file under `outDir` (but the manifest itself), sorted, with sizes and sha384.
 * @param {string} outDir
 * @param {{ name: string, version: string }} meta
 * @returns {ReleaseManifest}
 */
export function createReleaseManifest(outDir, meta) {
  const files = listReleaseFiles(outDir).map((file) => {
    const bytes = readFileSync(join(outDir, file));
    const gzip = COMPRESSIBLE.has(extname(file).toLowerCase()) ? { gzipBytes: gzipSync(bytes, { level: 9 }).length } : {};
    return { file, bytes: bytes.length, ...gzip, integrity: sriHash(bytes) };
  });
  return { name: meta.name, version: meta.version, files };
}

/**
 * Reads `manifest.json` in `distDir` and the files it lists. Fails when a file is missing, extra
 * or differs from its sha384, so what is uploaded is exactly what the manifest (and the SRI tags
 * printed from it) describe. Files come in upload order: lazy chunks and assets first, then the
 * stylesheet, the entry, and the manifest last, so a reader who gets the new entry always finds
 * its chunks, and a manifest marks a complete upload.
 * @param {string} distDir
 * @returns {Release}
 */
export function readRelease(distDir) {
  const manifestBytes = readFileSync(join(distDir, MANIFEST_FILE));
  /** @type {ReleaseManifest} */
  const manifest = JSON.parse(manifestBytes.toString('utf8'));
  const version = String(manifest.version);
  const listed = new Set(manifest.files.map((f) => f.file));
  const extra = listReleaseFiles(distDir).filter((file) => !listed.has(file));
  if (extra.length) throw new Error(`${distDir} has files that ${MANIFEST_FILE} does not list: ${extra.join(', ')}. Rebuild.`);
  const files = manifest.files.map(({ file, integrity }) => {
    const body = readFileSync(join(distDir, file));
    if (sriHash(body) !== integrity) throw new Error(`${file} does not match its integrity in ${MANIFEST_FILE}. Rebuild.`);
    return { file, body, contentType: contentTypeFor(file) };
  });
  files.sort((a, b) => uploadRank(a.file) - uploadRank(b.file) || (a.file < b.file ? -1 : 1));
  files.push({ file: MANIFEST_FILE, body: manifestBytes, contentType: contentTypeFor(MANIFEST_FILE) });
  return { name: manifest.name, version, major: majorOf(version), manifest, files };
}

/**
 * Whether two manifests describe the same release: same name, version and files (by integrity).
 * Sizes are left out: a gzip figure may differ between zlib builds for the same bytes.
 * @param {ReleaseManifest} a
 * @param {ReleaseManifest} b
 * @returns {boolean}
 */
export function sameRelease(a, b) {
  /** @param {ReleaseManifest} m */
  const key = (m) => JSON.stringify([m.name, m.version, (m.files ?? []).map((f) => [f.file, f.integrity])]);
  return key(a) === key(b);
}

/** @param {string} file */
function uploadRank(file) {
  return file === 'bundle.js' ? 2 : file === 'bundle.css' ? 1 : 0;
}
