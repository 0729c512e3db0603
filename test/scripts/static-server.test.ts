// The static server of `npm start`, the browser tests and the benchmark, over real HTTP: what it
// serves, under which prefix, and what it refuses (a malformed URL, a path out of its folder).
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../../scripts/static-server.mjs';

let dir = '';
let server: Awaited<ReturnType<typeof startStaticServer>>;

/** A GET with the path sent exactly as written (fetch would normalise `..` and encodings). */
function get(path: string): Promise<{ status: number; body: string; type: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: res.headers['content-type'] }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'static-server-'));
  mkdirSync(join(dir, 'pages'));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'pages', 'index.html'), '<p>page</p>');
  writeFileSync(join(dir, 'dist', 'bundle.js'), 'export {};');
  writeFileSync(join(dir, 'secret.txt'), 'not served');
  server = await startStaticServer({ root: join(dir, 'pages'), mounts: { '/dist/': join(dir, 'dist') } });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the static server', () => {
  it('serves the root and the mounted folders, with their content types', async () => {
    expect(await get('/index.html')).toMatchObject({ status: 200, body: '<p>page</p>', type: expect.stringContaining('text/html') });
    expect(await get('/dist/bundle.js')).toMatchObject({ status: 200, body: 'export {};', type: expect.stringContaining('javascript') });
  });

  it('answers a malformed URL with a 400, and goes on serving', async () => {
    expect(await get('/%E0%A4%A')).toMatchObject({ status: 400, body: expect.stringContaining('percent-encoding') });
    expect(await get('/dist/%zz.js')).toMatchObject({ status: 400 });
    expect((await get('/index.html')).status).toBe(200);
  });

  it('never serves a file outside its folders', async () => {
    for (const path of ['/../secret.txt', '/dist/../../secret.txt', '/%2e%2e/secret.txt', '/dist/%2e%2e%2f%2e%2e%2fsecret.txt']) {
      const { status, body } = await get(path);
      expect(body, path).not.toContain('not served');
      expect(status, path).toBeGreaterThanOrEqual(400);
    }
  });
});
