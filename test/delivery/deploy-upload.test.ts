// @vitest-environment node
// scripts/deploy-upload.mjs against the stub bucket (stub-s3.ts), which checks every signature and
// honours conditional writes. Most cases call the script's function; one runs it as
// .github/workflows/deploy.yml does (plain node, settings from env) to prove the command itself.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deployUpload } from '../../scripts/deploy-upload.mjs';
import { makeFixtureDist } from './fixture-dist';
import { BUCKET, CREDENTIALS, startStubS3, type StubS3 } from './stub-s3';

const run = promisify(execFile);
const IMMUTABLE = 'public, max-age=31536000, immutable';
const MOVING = 'public, max-age=300';

let s3: StubS3;
beforeEach(async () => {
  s3 = await startStubS3();
});
afterEach(async () => {
  expect(s3.rejected).toEqual([]);
  await s3.close();
});

function settings(extra: Record<string, string> = {}): Record<string, string> {
  return {
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: BUCKET,
    S3_PREFIX: 'snippets',
    AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    ...extra,
  };
}

/** Runs the upload in-process; retries wait about a millisecond instead of half a second. */
async function upload(distDir: string, env = settings()) {
  const lines: string[] = [];
  const result = await deployUpload({ distDir, env, log: (line) => lines.push(line), retryDelayMs: 1 });
  return { ...result, output: lines.join('\n') };
}

const failure = (promise: Promise<unknown>) => promise.then(() => new Error('resolved'), (error: Error) => error);
const keys = (prefix: string) => s3.puts.map((p) => p.key).filter((k) => k.startsWith(prefix));

describe('scripts/deploy-upload.mjs', () => {
  it('uploads every file to /<version>/ (immutable, written once) and /v<major>/ (moving) with its Content-Type', async () => {
    const dist = makeFixtureDist('1.4.2');
    const result = await upload(dist);
    expect(result).toMatchObject({ versioned: 'snippets/1.4.2/', moving: 'snippets/v1/', versionedUploaded: true });

    const files = ['bundle.js', 'bundle.css', 'manifest.json', 'assets/icon-Xy1.svg', ...Array.from({ length: 33 }, (_, i) => `chunks/c${i}-AbC.js`)];
    expect(s3.puts).toHaveLength(files.length * 2);
    for (const file of files) {
      expect(s3.objects.get(`snippets/1.4.2/${file}`), file).toMatchObject({ cacheControl: IMMUTABLE });
      expect(s3.objects.get(`snippets/v1/${file}`), file).toMatchObject({ cacheControl: MOVING });
    }
    // Only the versioned folder is written conditionally: the moving one is meant to be replaced.
    for (const put of s3.puts) expect(put.ifNoneMatch, put.key).toBe(put.key.startsWith('snippets/1.4.2/') ? '*' : undefined);
    const type = (key: string) => s3.objects.get(key)?.contentType;
    expect(type('snippets/1.4.2/bundle.js')).toBe('text/javascript; charset=utf-8');
    expect(type('snippets/1.4.2/chunks/c7-AbC.js')).toBe('text/javascript; charset=utf-8');
    expect(type('snippets/1.4.2/bundle.css')).toBe('text/css; charset=utf-8');
    expect(type('snippets/1.4.2/manifest.json')).toBe('application/json; charset=utf-8');
    expect(type('snippets/1.4.2/assets/icon-Xy1.svg')).toBe('image/svg+xml');
    expect(type('snippets/v1/bundle.css')).toBe('text/css; charset=utf-8');
    expect(s3.objects.get('snippets/v1/chunks/c7-AbC.js')?.body.toString()).toBe('export const n = 7;\n');

    // The versioned folder is complete before the moving one changes; in each, chunks come
    // before the entry that imports them, and the manifest (the "complete" mark) comes last.
    const all = s3.puts.map((p) => p.key);
    expect(all.findLastIndex((k) => k.startsWith('snippets/1.4.2/'))).toBeLessThan(all.findIndex((k) => k.startsWith('snippets/v1/')));
    for (const folder of ['snippets/1.4.2/', 'snippets/v1/']) {
      expect(keys(folder).slice(-3).map((k) => k.slice(folder.length))).toEqual(['bundle.css', 'bundle.js', 'manifest.json']);
    }
  });

  it('leaves an identical published version alone and still moves /v<major>/', async () => {
    const dist = makeFixtureDist('2.0.0-main.abc1234', { chunkCount: 2 });
    await upload(dist);
    s3.puts.length = 0;
    const again = await upload(dist);
    expect(again.versionedUploaded).toBe(false);
    expect(again.output).toContain('snippets/2.0.0-main.abc1234/ already holds these exact files');
    expect(s3.puts.map((p) => p.key).sort()).toEqual(
      ['assets/icon-Xy1.svg', 'bundle.css', 'bundle.js', 'chunks/c0-AbC.js', 'chunks/c1-AbC.js', 'manifest.json'].map((f) => `snippets/v2/${f}`),
    );
  });

  it('refuses to rewrite a published version with other files, and writes nothing, even where If-None-Match is ignored', async () => {
    // Its manifest is checked before any write, which guards stores without conditional writes.
    await s3.close();
    s3 = await startStubS3({ conditionalWrites: false });
    await upload(makeFixtureDist('1.0.0', { chunkCount: 2 }));
    const before = new Map(s3.objects);
    s3.puts.length = 0;
    const error = await failure(upload(makeFixtureDist('1.0.0', { chunkCount: 2, salt: 'new code' })));
    expect(error.message).toMatch(/^snippets\/1\.0\.0\/ is already published with other files \(its manifest\.json lists other files\).*Bump "version"/);
    expect(s3.puts).toEqual([]);
    expect(s3.objects).toEqual(before);
  });

  it('never replaces an object of /<version>/ that another deploy wrote first, and stops before /v<major>/', async () => {
    // Another deploy of 1.0.0 is halfway through: its chunk is there, its manifest not yet. Only
    // the store's If-None-Match check can see it, and it must win over ours.
    const theirs = makeFixtureDist('1.0.0', { chunkCount: 1, salt: 'their build' });
    const ours = makeFixtureDist('1.0.0', { chunkCount: 1, salt: 'our build' });
    await upload(theirs);
    const theirBundle = s3.objects.get('snippets/1.0.0/bundle.js')!.body;
    s3.objects.delete('snippets/1.0.0/manifest.json');
    s3.puts.length = 0;
    const error = await failure(upload(ours));
    expect(error.message).toContain('snippets/1.0.0/ is already published with other files (bundle.js differs)');
    expect(s3.objects.get('snippets/1.0.0/bundle.js')!.body).toEqual(theirBundle);
    expect(s3.objects.has('snippets/1.0.0/manifest.json')).toBe(false);
    expect(keys('snippets/v1/')).toEqual([]);
  });

  it('finishes an interrupted upload of the same files', async () => {
    const dist = makeFixtureDist('1.0.0', { chunkCount: 3 });
    await upload(dist);
    for (const key of [...s3.objects.keys()]) if (key.startsWith('snippets/v1/') || key.endsWith('manifest.json') || key.endsWith('bundle.js')) s3.objects.delete(key);
    s3.puts.length = 0;
    const result = await upload(dist);
    expect(result.versionedUploaded).toBe(true);
    expect(keys('snippets/1.0.0/').sort()).toEqual(['snippets/1.0.0/bundle.js', 'snippets/1.0.0/manifest.json']);
    expect(result.output).toContain('snippets/1.0.0/chunks/c2-AbC.js is already there with the same bytes');
    expect(s3.objects.size).toBe(2 * 7);
  });

  it('retries requests the bucket answers with 500, 503 or 429, and names the status when it gives up', async () => {
    s3.failNext('GET snippets/1.0.0/manifest.json', 1, 500);
    s3.failNext('PUT snippets/1.0.0/bundle.js', 2, 503);
    s3.failNext('PUT snippets/v1/bundle.css', 1, 429);
    await upload(makeFixtureDist('1.0.0', { chunkCount: 1 }));
    const statuses = (request: string) => s3.log.filter((l) => l.request === request).map((l) => l.status);
    expect(statuses('GET snippets/1.0.0/manifest.json')).toEqual([500, 404]);
    expect(statuses('PUT snippets/1.0.0/bundle.js')).toEqual([503, 503, 200]);
    expect(statuses('PUT snippets/v1/bundle.css')).toEqual([429, 200]);
    expect(s3.objects.size).toBe(2 * 5);

    s3.failNext('PUT snippets/v1/bundle.js', 99, 503);
    const error = await failure(upload(makeFixtureDist('1.0.0', { chunkCount: 1 })));
    expect(error.message).toBe('PUT snippets/v1/bundle.js: HTTP 503 InternalError: stub says InternalError');
    expect(s3.log.filter((l) => l.request === 'PUT snippets/v1/bundle.js' && l.status === 503)).toHaveLength(5);
  });

  it('uploads at the bucket root when S3_PREFIX is empty', async () => {
    await upload(makeFixtureDist('3.1.0', { chunkCount: 1 }), settings({ S3_PREFIX: '' }));
    expect(s3.objects.has('3.1.0/bundle.js')).toBe(true);
    expect(s3.objects.has('v3/bundle.js')).toBe(true);
  });

  it('signs for the region in S3_REGION', async () => {
    await s3.close();
    s3 = await startStubS3({ region: 'auto' });
    await upload(makeFixtureDist('1.0.0', { chunkCount: 1 }), settings({ S3_REGION: 'auto' }));
    expect(s3.objects.size).toBe(2 * 5);
  });

  it('sends nothing when a file does not match the manifest', async () => {
    const dist = makeFixtureDist('1.0.0', { chunkCount: 1 });
    writeFileSync(join(dist, 'bundle.js'), 'tampered');
    const error = await failure(upload(dist));
    expect(error.message).toBe('bundle.js does not match its integrity in manifest.json. Rebuild.');
    expect(s3.log).toEqual([]);
  });

  it('names the missing settings, never their values', async () => {
    const error = await failure(upload(makeFixtureDist('1.0.0'), { S3_BUCKET: BUCKET }));
    expect(error.message).toBe('Missing environment variables: S3_ENDPOINT, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY.');
  });

  it('runs as the deploy workflow runs it: masks the endpoint, prints no secret, exits 1 with the reason', async () => {
    const cli = (dist: string) =>
      run(process.execPath, ['scripts/deploy-upload.mjs', dist], { env: { PATH: process.env.PATH ?? '', GITHUB_ACTIONS: 'true', ...settings() }, timeout: 30_000 });
    const { stdout, stderr } = await cli(makeFixtureDist('1.0.0', { chunkCount: 1 }));
    expect(stdout.split('\n')[0]).toBe(`::add-mask::${new URL(s3.endpoint).host}`);
    expect(stdout).toContain(`PUT snippets/1.0.0/bundle.js  `);
    const refused = await cli(makeFixtureDist('1.0.0', { chunkCount: 1, salt: 'changed' })).then(
      () => null,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toMatch(/^deploy-upload: snippets\/1\.0\.0\/ is already published with other files/);
    for (const text of [stdout, stderr, refused?.stdout, refused?.stderr]) expect(text).not.toContain(CREDENTIALS.secretAccessKey);
  });
});
