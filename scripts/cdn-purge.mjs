// @ts-check
// Purges the CDN (Cloudflare) copy of the moving folder /v<major>/ after a deploy. The
// versioned folder is never purged: its files never change.
//
// Usage: node scripts/cdn-purge.mjs [distDir]
// Env: CLOUDFLARE_API_TOKEN (a token with Zone > Cache Purge), CLOUDFLARE_ZONE_ID,
//      CDN_BASE_URL (the public URL of the bucket prefix, e.g. https://cdn.example.com/snippets);
//      CLOUDFLARE_API_BASE only to point it at a test server.
import { pathToFileURL } from 'node:url';
import { readRelease } from './deploy/release-files.mjs';

// Purge-by-URL takes at most 30 URLs per call on every plan.
const BATCH = 30;

/**
 * Purges every file of the release under /v<major>/; returns the URLs.
 * @param {{ distDir?: string, env?: Record<string, string | undefined>, log?: (line: string) => void }} [options]
 * @returns {Promise<string[]>}
 */
export async function cdnPurge({ distDir = 'dist', env = process.env, log = console.log } = {}) {
  const { CLOUDFLARE_API_TOKEN: token, CLOUDFLARE_ZONE_ID: zone, CDN_BASE_URL: cdnBase } = env;
  if (!token || !zone || !cdnBase) {
    const missing = ['CLOUDFLARE_API_TOKEN', 'CLOUDFLARE_ZONE_ID', 'CDN_BASE_URL'].filter((name) => !env[name]);
    throw new Error(`Missing environment variables: ${missing.join(', ')}.`);
  }
  if (!/^https?:\/\//.test(cdnBase)) throw new Error('CDN_BASE_URL must be an http(s) URL.');
  const release = readRelease(distDir);
  const moving = `${cdnBase.replace(/\/+$/, '')}/v${release.major}/`;
  const urls = release.files.map((f) => moving + f.file);
  const api = (env.CLOUDFLARE_API_BASE || 'https://api.cloudflare.com/client/v4').replace(/\/+$/, '');
  const endpoint = `${api}/zones/${encodeURIComponent(zone)}/purge_cache`;
  for (let i = 0; i < urls.length; i += BATCH) {
    const files = urls.slice(i, i + BATCH);
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ files }),
      signal: AbortSignal.timeout(30_000),
    });
    /** @type {{ success?: boolean, errors?: { code: number, message: string }[] }} */
    const reply = await res.json().catch(() => ({}));
    if (!res.ok || reply.success !== true) {
      const reasons = (reply.errors ?? []).map((e) => `${e.code}: ${e.message}`).join('; ');
      throw new Error(`Cloudflare purge failed: HTTP ${res.status}${reasons ? ` (${reasons})` : ''}`);
    }
  }
  log(`Purged ${urls.length} URLs under ${moving}`);
  return urls;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  cdnPurge({ distDir: process.argv[2] ?? 'dist' }).catch((error) => {
    console.error(`cdn-purge: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
