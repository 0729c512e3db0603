// Uploads dist/ to an S3-compatible bucket, at two places:
//   <S3_PREFIX>/<version>/   immutable, cached for a year; written once, never changed
//   <S3_PREFIX>/v<major>/    moving, cached 5 minutes; the CDN copy is purged after a deploy
// The version comes from dist/manifest.json (build/release-manifest.ts), and every file is
// checked against its sha384 there before anything is sent.
//
// Usage: node scripts/deploy-upload.mjs [distDir]
// Env: S3_ENDPOINT, S3_BUCKET, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (required);
//      S3_PREFIX (folder in the bucket, may be empty), S3_REGION (default us-east-1, which
//      R2 and MinIO also accept). No value from the environment is ever printed.
import { pathToFileURL } from 'node:url';
import { folderKey, IMMUTABLE_CACHE, MANIFEST_FILE, MOVING_CACHE, readRelease } from './deploy/release.mjs';
import { createS3Client } from './deploy/s3-client.mjs';

const PARALLEL = 4;

/** Runs the upload; returns what it did (for the tests). */
export async function deployUpload({ distDir = 'dist', env = process.env, log = console.log, retryBaseMs } = {}) {
  const config = readConfig(env);
  // The endpoint is a secret and is masked as a whole; a network error would print its bare host.
  if (env.GITHUB_ACTIONS === 'true') log(`::add-mask::${new URL(config.endpoint).host}`);
  const release = readRelease(distDir);
  const s3 = createS3Client({ ...config, ...(retryBaseMs === undefined ? {} : { retryBaseMs }) });
  const versioned = folderKey(config.prefix, release.version);
  const moving = folderKey(config.prefix, `v${release.major}`);
  log(`Release ${release.name}@${release.version}: ${release.files.length} files`);

  const published = await s3.getObject(versioned + MANIFEST_FILE);
  let versionedUploaded = false;
  if (published === null) {
    await uploadAll(s3, release.files, versioned, IMMUTABLE_CACHE, log);
    versionedUploaded = true;
  } else if (sameRelease(JSON.parse(published), release.manifest)) {
    log(`${versioned} already holds these exact files; leaving it as it is.`);
  } else {
    throw new Error(
      `${versioned} is already published with other files, and a versioned folder is immutable. ` +
        'Bump "version" in package.json (or tag the new version) and deploy again.',
    );
  }
  await uploadAll(s3, release.files, moving, MOVING_CACHE, log);
  return { version: release.version, major: release.major, versioned, moving, versionedUploaded };
}

function readConfig(env) {
  const required = ['S3_ENDPOINT', 'S3_BUCKET', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'];
  const missing = required.filter((name) => !env[name]);
  if (missing.length) throw new Error(`Missing environment variables: ${missing.join(', ')}.`);
  if (!/^https?:\/\//.test(env.S3_ENDPOINT)) throw new Error('S3_ENDPOINT must be an http(s) URL.');
  return {
    endpoint: env.S3_ENDPOINT,
    bucket: env.S3_BUCKET,
    prefix: env.S3_PREFIX ?? '',
    region: env.S3_REGION || 'us-east-1',
    accessKeyId: env.AWS_ACCESS_KEY_ID,
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
  };
}

function sameRelease(a, b) {
  const key = (m) => JSON.stringify([m.name, m.version, (m.files ?? []).map((f) => [f.file, f.integrity])]);
  return key(a) === key(b);
}

// Chunks and assets go up in parallel; the stylesheet, entry and manifest then follow in that
// order (readRelease sorts them so), so nothing ever points at a file not yet there.
async function uploadAll(s3, files, folder, cacheControl, log) {
  const put = async ({ file, body, contentType }) => {
    await s3.putObject(folder + file, body, { 'content-type': contentType, 'cache-control': cacheControl });
    log(`PUT ${folder}${file}  ${body.length} B  ${contentType}  ${cacheControl}`);
  };
  const last = new Set(['bundle.css', 'bundle.js', MANIFEST_FILE]);
  const queue = files.filter((f) => !last.has(f.file));
  const workers = Array.from({ length: PARALLEL }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await put(next);
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
