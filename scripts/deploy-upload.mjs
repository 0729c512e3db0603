// @ts-check
// Uploads dist/ to an S3-compatible bucket, at two places:
//   <S3_PREFIX>/<version>/   immutable, cached for a year; written once, never changed
//   <S3_PREFIX>/v<major>/    moving, cached 5 minutes; the CDN copy is purged after a deploy
// The version comes from dist/manifest.json (scripts/deploy/release-files.mjs), and every file is
// checked against its sha384 there before anything is sent.
//
// Usage: node scripts/deploy-upload.mjs [distDir]
// Env: S3_ENDPOINT, S3_BUCKET, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (required);
//      S3_PREFIX (folder in the bucket, may be empty), S3_REGION (default us-east-1, which
//      R2 and MinIO also accept). No value from the environment is ever printed.
import { pathToFileURL } from 'node:url';
import { MANIFEST_FILE, readRelease, sameRelease } from './deploy/release-files.mjs';
import { createS3Bucket } from './deploy/s3-bucket.mjs';

/** `/<version>/`: never rewritten, so browsers and the CDN may keep it for a year. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

/** `/v<major>/`: moves with every deploy; the CDN is purged, browsers recheck within 5 minutes. */
export const MOVING_CACHE = 'public, max-age=300';

const PARALLEL = 4;

/** @typedef {import('./deploy/s3-bucket.mjs').S3Bucket} S3Bucket */
/** @typedef {import('./deploy/release-files.mjs').ReleaseUpload} ReleaseUpload */

/**
 * @typedef {object} DeployUploadOptions
 * @property {string} [distDir]
 * @property {Record<string, string | undefined>} [env] the settings (see the top of this file)
 * @property {(line: string) => void} [log]
 * @property {number} [retryDelayMs] the first retry's backoff (tests set it near 0)
 */

/**
 * Runs the upload; returns what it did.
 * @param {DeployUploadOptions} [options]
 */
export async function deployUpload({ distDir = 'dist', env = process.env, log = console.log, retryDelayMs } = {}) {
  const config = readConfig(env);
  // The endpoint is a secret and is masked as a whole; a network error would print its bare host.
  if (env.GITHUB_ACTIONS === 'true') log(`::add-mask::${new URL(config.endpoint).host}`);
  const release = readRelease(distDir);
  const bucket = createS3Bucket({ ...config, ...(retryDelayMs === undefined ? {} : { retryDelayMs }) });
  const versioned = folderKey(config.prefix, release.version);
  const moving = folderKey(config.prefix, `v${release.major}`);
  log(`Release ${release.name}@${release.version}: ${release.files.length} files`);

  const refuse = (/** @type {string} */ why) =>
    new Error(
      `${versioned} is already published with other files (${why}), and a versioned folder is immutable. ` +
        'Bump "version" in package.json (or tag the new version) and deploy again.',
    );
  // A complete earlier upload is known by its manifest: checked first, so a changed release fails
  // before it writes anything, even on a store that ignores conditional writes.
  const published = await bucket.getObject(versioned + MANIFEST_FILE);
  let versionedUploaded = false;
  if (published === null) {
    await uploadAll(release.files, async (file) => {
      const key = versioned + file.file;
      const headers = { 'content-type': file.contentType, 'cache-control': IMMUTABLE_CACHE };
      if ((await bucket.putObjectIfAbsent(key, file.body, headers)) === 'written') {
        log(`PUT ${key}  ${file.body.length} B  ${file.contentType}  ${IMMUTABLE_CACHE}`);
        return;
      }
      // Left by an interrupted deploy of this release (fine) or written by another one (not).
      const existing = await bucket.getObject(key);
      if (existing === null || !sameContent(file, existing)) throw refuse(`${file.file} differs`);
      log(`${key} is already there with the same bytes`);
    });
    versionedUploaded = true;
  } else if (sameRelease(JSON.parse(published.toString('utf8')), release.manifest)) {
    log(`${versioned} already holds these exact files; leaving it as it is.`);
  } else {
    throw refuse(`its ${MANIFEST_FILE} lists other files`);
  }
  await uploadAll(release.files, async (file) => {
    await bucket.putObject(moving + file.file, file.body, { 'content-type': file.contentType, 'cache-control': MOVING_CACHE });
    log(`PUT ${moving}${file.file}  ${file.body.length} B  ${file.contentType}  ${MOVING_CACHE}`);
  });
  return { version: release.version, major: release.major, versioned, moving, versionedUploaded };
}

/**
 * `snippets` + `1.0.0` → `snippets/1.0.0/`; an empty prefix puts the folders at the bucket root.
 * @param {string | undefined} prefix
 * @param {string} folder
 */
export function folderKey(prefix, folder) {
  const clean = (prefix ?? '').replace(/^\/+|\/+$/g, '');
  return clean ? `${clean}/${folder}/` : `${folder}/`;
}

/** @param {Record<string, string | undefined>} env */
function readConfig(env) {
  const { S3_ENDPOINT: endpoint, S3_BUCKET: bucket, AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = env;
  if (!endpoint || !bucket || !accessKeyId || !secretAccessKey) {
    const missing = ['S3_ENDPOINT', 'S3_BUCKET', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'].filter((name) => !env[name]);
    throw new Error(`Missing environment variables: ${missing.join(', ')}.`);
  }
  if (!/^https?:\/\//.test(endpoint)) throw new Error('S3_ENDPOINT must be an http(s) URL.');
  return { endpoint, bucket, accessKeyId, secretAccessKey, prefix: env.S3_PREFIX ?? '', region: env.S3_REGION || 'us-east-1' };
}

/**
 * The manifest may differ in its byte layout for the same release; every other file must match.
 * @param {ReleaseUpload} file
 * @param {Buffer} existing
 */
function sameContent(file, existing) {
  if (file.file !== MANIFEST_FILE) return existing.equals(file.body);
  try {
    return sameRelease(JSON.parse(existing.toString('utf8')), JSON.parse(file.body.toString('utf8')));
  } catch {
    return false;
  }
}

/**
 * Chunks and assets go up in parallel; the stylesheet, entry and manifest then follow in that
 * order (readRelease sorts them so), so nothing ever points at a file not yet there. The first
 * failure stops the queue.
 * @param {ReleaseUpload[]} files
 * @param {(file: ReleaseUpload) => Promise<void>} put
 */
async function uploadAll(files, put) {
  const last = new Set(['bundle.css', 'bundle.js', MANIFEST_FILE]);
  const queue = files.filter((f) => !last.has(f.file));
  const workers = Array.from({ length: PARALLEL }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      await put(next).catch((error) => {
        queue.length = 0;
        throw error;
      });
    }
  });
  await Promise.all(workers);
  for (const file of files.filter((f) => last.has(f.file))) await put(file);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  deployUpload({ distDir: process.argv[2] ?? 'dist' }).catch((error) => {
    console.error(`deploy-upload: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
