// What a release is, for the deploy scripts: the files of dist/ as dist/manifest.json lists
// them (checked against the disk), their HTTP headers, and the two folders they go to.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

export const MANIFEST_FILE = 'manifest.json';

/** `/<version>/`: never rewritten, so browsers and the CDN may keep it for a year. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

/** `/v<major>/`: moves with every deploy; the CDN is purged, browsers recheck within 5 minutes. */
export const MOVING_CACHE = 'public, max-age=300';

const CONTENT_TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** The Content-Type for a file name; unknown extensions fail rather than ship as octet-stream. */
export function contentTypeFor(file) {
  const type = CONTENT_TYPES[extname(file).toLowerCase()];
  if (!type) {
    throw new Error(`No Content-Type known for "${file}". Add its extension to CONTENT_TYPES in scripts/deploy/release.mjs.`);
  }
  return type;
}

/** `1.4.2` → `1`, `2.0.0-main.abc1234` → `2`. */
export function majorOf(version) {
  const match = /^(\d+)\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.exec(version);
  if (!match) throw new Error(`"${version}" is not a semver version like 1.2.3 or 1.2.3-main.abc1234.`);
  return match[1];
}

/** `snippets` + `1.0.0` → `snippets/1.0.0/`; an empty prefix puts the folders at the bucket root. */
export function folderKey(prefix, folder) {
  const clean = (prefix ?? '').replace(/^\/+|\/+$/g, '');
  return clean ? `${clean}/${folder}/` : `${folder}/`;
}

/**
 * Reads dist/manifest.json and the files it lists. Fails when a file is missing, extra or
 * differs from its sha384, so what is uploaded is exactly what the manifest (and the SRI
 * tags printed from it) describe. Files come in upload order: lazy chunks and assets
 * first, then the stylesheet, the entry, and the manifest last, so a reader who gets the
 * new entry always finds its chunks, and a manifest marks a complete upload.
 */
export function readRelease(distDir) {
  const manifestBytes = readFileSync(join(distDir, MANIFEST_FILE));
  const manifest = JSON.parse(manifestBytes.toString('utf8'));
  const version = String(manifest.version);
  const listed = new Set(manifest.files.map((f) => f.file));
  const onDisk = readdirSync(distDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(distDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => file !== MANIFEST_FILE);
  const extra = onDisk.filter((file) => !listed.has(file));
  if (extra.length) throw new Error(`${distDir} has files that ${MANIFEST_FILE} does not list: ${extra.join(', ')}. Rebuild.`);
  const files = manifest.files.map(({ file, integrity }) => {
    const body = readFileSync(join(distDir, file));
    const actual = `sha384-${createHash('sha384').update(body).digest('base64')}`;
    if (actual !== integrity) throw new Error(`${file} does not match its integrity in ${MANIFEST_FILE}. Rebuild.`);
    return { file, body, contentType: contentTypeFor(file) };
  });
  files.sort((a, b) => rank(a.file) - rank(b.file) || (a.file < b.file ? -1 : 1));
  files.push({ file: MANIFEST_FILE, body: manifestBytes, contentType: contentTypeFor(MANIFEST_FILE) });
  return { name: manifest.name, version, major: majorOf(version), manifest, files };
}

function rank(file) {
  return file === 'bundle.js' ? 2 : file === 'bundle.css' ? 1 : 0;
}
