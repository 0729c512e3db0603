// A tiny static file server for the demo, the browser tests and the benchmark.
// Loopback only; no directory listings; paths cannot climb out of the root.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Starts a server on 127.0.0.1.
 * @param {{ root: string, port?: number, mounts?: Record<string, string>, files?: Record<string, string>, headers?: (path: string) => Record<string, string> }} options
 *   `mounts` maps a URL prefix (e.g. '/dist/') to a folder; `files` maps an exact URL path to a file;
 *   `headers` adds response headers per path.
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startStaticServer({ root, port = 0, mounts = {}, files = {}, headers = () => ({}) }) {
  const folders = Object.entries(mounts).map(([prefix, dir]) => [prefix, resolve(dir)]);
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let dir = base;
    let rel = path;
    for (const [prefix, folder] of folders) {
      if (path.startsWith(prefix)) {
        dir = folder;
        rel = path.slice(prefix.length - 1);
        break;
      }
    }
    let file = normalize(join(dir, rel));
    if (Object.hasOwn(files, path)) file = resolve(files[path]);
    else if (file !== dir && !file.startsWith(dir + sep)) return send(res, 403, 'Forbidden');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        // Module scripts from a sandboxed frame (opaque origin) or another origin need CORS.
        'Access-Control-Allow-Origin': '*',
        ...headers(path),
      });
      res.end(body);
    } catch {
      send(res, 404, 'Not found');
    }
  });
  await new Promise((done) => server.listen(port, '127.0.0.1', done));
  const actual = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
  };
}

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
