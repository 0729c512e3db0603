// @vitest-environment node
// scripts/cdn-purge.mjs against a stub of Cloudflare's purge API (stub-cloudflare.ts).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cdnPurge } from '../../scripts/cdn-purge.mjs';
import { makeFixtureDist } from './fixture-dist';
import { startStubCloudflare, type StubCloudflare } from './stub-cloudflare';

const run = promisify(execFile);
const TOKEN = 'cf-token-123';

let cf: StubCloudflare;
beforeEach(async () => {
  cf = await startStubCloudflare();
});
afterEach(() => cf.close());

const settings = () => ({
  CLOUDFLARE_API_TOKEN: TOKEN,
  CLOUDFLARE_ZONE_ID: 'zone-abc',
  CDN_BASE_URL: 'https://cdn.example.com/snippets/',
  CLOUDFLARE_API_BASE: cf.apiBase,
});

describe('scripts/cdn-purge.mjs', () => {
  it('purges every file of the moving folder /v<major>/ only, in batches of at most 30 URLs (run as the workflow runs it)', async () => {
    const dist = makeFixtureDist('1.4.2');
    const { stdout } = await run(process.execPath, ['scripts/cdn-purge.mjs', dist], { env: { PATH: process.env.PATH ?? '', ...settings() }, timeout: 30_000 });
    expect(stdout).toBe('Purged 37 URLs under https://cdn.example.com/snippets/v1/\n');
    expect(cf.calls.map((c) => [c.request, c.authorization, c.files.length])).toEqual([
      ['POST /client/v4/zones/zone-abc/purge_cache', `Bearer ${TOKEN}`, 30],
      ['POST /client/v4/zones/zone-abc/purge_cache', `Bearer ${TOKEN}`, 7],
    ]);
    const urls = cf.calls.flatMap((c) => c.files);
    expect(new Set(urls).size).toBe(37);
    expect(urls.every((u) => u.startsWith('https://cdn.example.com/snippets/v1/'))).toBe(true);
    expect(urls).toContain('https://cdn.example.com/snippets/v1/bundle.js');
    expect(urls).toContain('https://cdn.example.com/snippets/v1/chunks/c32-AbC.js');
    expect(urls).toContain('https://cdn.example.com/snippets/v1/manifest.json');
  });

  it('fails with Cloudflare\'s reason, never the token, and sends no further batch', async () => {
    cf.failWith(403, { code: 10000, message: 'Authentication error' });
    const error = await cdnPurge({ distDir: makeFixtureDist('1.4.2'), env: settings(), log: () => {} }).catch((e: Error) => e);
    expect((error as Error).message).toBe('Cloudflare purge failed: HTTP 403 (10000: Authentication error)');
    expect(cf.calls).toHaveLength(1);
  });

  it('names the missing settings, never their values', async () => {
    const error = await cdnPurge({ distDir: makeFixtureDist('1.0.0'), env: { CLOUDFLARE_API_TOKEN: TOKEN }, log: () => {} }).catch((e: Error) => e);
    expect((error as Error).message).toBe('Missing environment variables: CLOUDFLARE_ZONE_ID, CDN_BASE_URL.');
    expect(cf.calls).toEqual([]);
  });
});
