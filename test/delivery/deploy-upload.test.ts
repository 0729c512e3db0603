// Runs the deploy scripts exactly as .github/workflows/deploy.yml does (same files, same
// arguments, configuration through env) against stub S3 and Cloudflare servers on 127.0.0.1.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixtureDist } from './fixture-dist';
import { BUCKET, CREDENTIALS, startStubCloudflare, startStubS3, type StubS3 } from './stub-servers';

const run = promisify(execFile);
const IMMUTABLE = 'public, max-age=31536000, immutable';
const MOVING = 'public, max-age=300';

function uploadEnv(s3: StubS3, extra: Record<string, string> = {}) {
  return {
    PATH: process.env.PATH ?? '',
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: BUCKET,
    S3_PREFIX: 'snippets',
    AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    ...extra,
  };
}

function upload(dist: string, env: Record<string, string>) {
  return run(process.execPath, ['scripts/deploy-upload.mjs', dist], { env, timeout: 60_000 });
}

describe('scripts/deploy-upload.mjs', () => {
  let s3: StubS3;
  beforeEach(async () => {
    s3 = await startStubS3();
  });
  afterEach(async () => {
    await s3.close();
  });

  it('uploads every file to /<version>/ (immutable) and /v<major>/ (moving) with its Content-Type', async () => {
    const dist = makeFixtureDist('1.4.2');
    const { stdout, stderr } = await upload(dist, uploadEnv(s3, { GITHUB_ACTIONS: 'true' }));
    expect(s3.badSignatures).toEqual([]);

    const files = ['bundle.js', 'bundle.css', 'manifest.json', 'assets/icon-Xy1.svg', ...Array.from({ length: 33 }, (_, i) => `chunks/c${i}-AbC.js`)];
    const byKey = new Map(s3.puts.map((p) => [p.key, p]));
    expect(s3.puts).toHaveLength(files.length * 2);
    for (const file of files) {
      expect(byKey.get(`snippets/1.4.2/${file}`)?.cacheControl, file).toBe(IMMUTABLE);
      expect(byKey.get(`snippets/v1/${file}`)?.cacheControl, file).toBe(MOVING);
    }
    const types = Object.fromEntries(s3.puts.filter((p) => p.key.startsWith('snippets/1.4.2/')).map((p) => [p.key.slice(15), p.contentType]));
    expect(types['bundle.js']).toBe('text/javascript; charset=utf-8');
    expect(types['chunks/c7-AbC.js']).toBe('text/javascript; charset=utf-8');
    expect(types['bundle.css']).toBe('text/css; charset=utf-8');
    expect(types['manifest.json']).toBe('application/json; charset=utf-8');
    expect(types['assets/icon-Xy1.svg']).toBe('image/svg+xml');
    expect(byKey.get('snippets/v1/bundle.css')?.contentType).toBe('text/css; charset=utf-8');

    // The versioned folder is complete before the moving one changes; in each, chunks come
    // before the entry that imports them, and the manifest (the "complete" mark) comes last.
    const keys = s3.puts.map((p) => p.key);
    const lastVersioned = keys.findLastIndex((k) => k.startsWith('snippets/1.4.2/'));
    const firstMoving = keys.findIndex((k) => k.startsWith('snippets/v1/'));
    expect(lastVersioned).toBeLessThan(firstMoving);
    for (const folder of ['snippets/1.4.2/', 'snippets/v1/']) {
      const order = keys.filter((k) => k.startsWith(folder)).map((k) => k.slice(folder.length));
      expect(order.slice(-3)).toEqual(['bundle.css', 'bundle.js', 'manifest.json']);
    }
    expect(s3.log[0]).toBe('GET snippets/1.4.2/manifest.json');

    // The endpoint host is masked in the Actions log; no secret appears in the output.
    expect(stdout).toContain(`::add-mask::${new URL(s3.endpoint).host}`);
    expect(stdout + stderr).not.toContain(CREDENTIALS.secretAccessKey);
  });

  it('leaves an identical published version alone and still moves /v<major>/', async () => {
    const dist = makeFixtureDist('2.0.0-main.abc1234', { chunkCount: 2 });
    await upload(dist, uploadEnv(s3));
    s3.puts.length = 0;
    const { stdout } = await upload(dist, uploadEnv(s3));
    expect(stdout).toContain('already holds these exact files');
    expect(s3.puts.map((p) => p.key).every((k) => k.startsWith('snippets/v2/'))).toBe(true);
    expect(s3.puts).toHaveLength(6);
  });

  it('refuses to rewrite a published version with other files', async () => {
    await upload(makeFixtureDist('1.0.0', { chunkCount: 2 }), uploadEnv(s3));
    s3.puts.length = 0;
    const changed = makeFixtureDist('1.0.0', { chunkCount: 2, salt: 'new code' });
    const failure = await upload(changed, uploadEnv(s3)).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain('snippets/1.0.0/ is already published with other files');
    expect(s3.puts).toEqual([]);
  });

  it('retries a PUT that the bucket answers with 503', async () => {
    s3.failNext('snippets/1.0.0/bundle.js', 1);
    await upload(makeFixtureDist('1.0.0', { chunkCount: 1 }), uploadEnv(s3));
    expect(s3.log.filter((l) => l === 'PUT snippets/1.0.0/bundle.js')).toHaveLength(2);
    expect(s3.objects.has('snippets/1.0.0/bundle.js')).toBe(true);
  });

  it('uploads at the bucket root when S3_PREFIX is empty', async () => {
    await upload(makeFixtureDist('3.1.0', { chunkCount: 1 }), uploadEnv(s3, { S3_PREFIX: '' }));
    expect([...s3.objects.keys()].sort()).toContain('3.1.0/bundle.js');
    expect([...s3.objects.keys()].sort()).toContain('v3/bundle.js');
  });

  it('sends nothing when a file does not match the manifest', async () => {
    const dist = makeFixtureDist('1.0.0', { chunkCount: 1 });
    writeFileSync(join(dist, 'bundle.js'), 'tampered');
    const failure = await upload(dist, uploadEnv(s3)).catch((error: { stderr: string }) => error);
    expect((failure as { stderr: string }).stderr).toContain('bundle.js does not match its integrity in manifest.json');
    expect(s3.log).toEqual([]);
  });

  it('names the missing settings, never their values', async () => {
    const failure = await upload(makeFixtureDist('1.0.0'), { PATH: process.env.PATH ?? '', S3_BUCKET: BUCKET }).catch(
      (error: { stderr: string }) => error,
    );
    expect((failure as { stderr: string }).stderr).toContain('Missing environment variables: S3_ENDPOINT, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY.');
    expect((failure as { stderr: string }).stderr).not.toContain(BUCKET);
  });
});

describe('scripts/cdn-purge.mjs', () => {
  it('purges every file of the moving folder /v<major>/ only, in batches of at most 30 URLs', async () => {
    const cf = await startStubCloudflare();
    try {
      const dist = makeFixtureDist('1.4.2');
      await run(process.execPath, ['scripts/cdn-purge.mjs', dist], {
        env: {
          PATH: process.env.PATH ?? '',
          CLOUDFLARE_API_TOKEN: 'cf-token-123',
          CLOUDFLARE_ZONE_ID: 'zone-abc',
          CDN_BASE_URL: 'https://cdn.example.com/snippets/',
          CLOUDFLARE_API_BASE: cf.apiBase,
        },
        timeout: 30_000,
      });
      expect(cf.calls.length).toBe(2);
      for (const call of cf.calls) {
        expect(call.path).toBe('POST /client/v4/zones/zone-abc/purge_cache');
        expect(call.authorization).toBe('Bearer cf-token-123');
        expect(call.files.length).toBeLessThanOrEqual(30);
      }
      const urls = cf.calls.flatMap((c) => c.files);
      expect(urls).toHaveLength(37);
      expect(urls.every((u) => u.startsWith('https://cdn.example.com/snippets/v1/'))).toBe(true);
      expect(urls).toContain('https://cdn.example.com/snippets/v1/bundle.js');
      expect(urls).toContain('https://cdn.example.com/snippets/v1/manifest.json');
      expect(urls.some((u) => u.includes('/1.4.2/'))).toBe(false);
    } finally {
      await cf.close();
    }
  });
});

describe('scripts/release-info.mjs', () => {
  const info = (env: Record<string, string>) =>
    run(process.execPath, ['scripts/release-info.mjs'], { env: { PATH: process.env.PATH ?? '', CDN_BASE_URL: 'https://cdn.example.com/snippets', ...env } });
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

  it('names a tag push by the package version and checks that they agree', async () => {
    const { stdout } = await info({ GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: `v${version}` });
    expect(stdout).toBe(`version=${version}\nmajor=${version.split('.')[0]}\ncdn_prefix=https://cdn.example.com/snippets/${version}/\n`);
    await expect(info({ GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v99.0.0' })).rejects.toMatchObject({
      stderr: expect.stringContaining(`Tag "v99.0.0" does not match package.json version ${version}`),
    });
  });

  it('names a push to main as a pre-release of the package version', async () => {
    const { stdout } = await info({ GITHUB_REF_TYPE: 'branch', GITHUB_REF_NAME: 'main', GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567' });
    expect(stdout).toContain(`version=${version}-main.0123456\n`);
    expect(stdout).toContain(`cdn_prefix=https://cdn.example.com/snippets/${version}-main.0123456/\n`);
  });
});
