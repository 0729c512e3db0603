// @ts-check
// The static file server of the demo, the browser tests and the benchmark: sirv, on loopback,
// with a few folders mounted under URL prefixes. Paths cannot climb out of their folder, and
// a malformed URL gets a 400, never a crash.
import { createServer } from 'node:http';
import { dirname, basename, resolve } from 'node:path';
import sirv from 'sirv';

/**
 * Starts a server on 127.0.0.1.
 * @param {{ root: string, port?: number, mounts?: Record<string, string>, files?: Record<string, string>, headers?: (path: string) => Record<string, string>, intercept?: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, path: string) => boolean }} options
 *   `mounts` maps a URL prefix (e.g. '/dist/') to a folder; `files` maps an exact URL path to a file;
 *   `headers` adds response headers per request path; `intercept` may answer a request itself
 *   (the tests' faults) and returns true when it did.
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startStaticServer({ root, port = 0, mounts = {}, files = {}, headers = () => ({}), intercept = () => false }) {
  // Files are read on every request (`dev`): tests and `npm start` rebuild dist/ while serving.
  const serve = (/** @type {string} */ dir) => sirv(resolve(dir), { dev: true, dotfiles: false });
  const routes = [
    ...Object.entries(files).map(([path, file]) => ({ exact: path, prefix: null, handler: serve(dirname(file)), file: `/${basename(file)}` })),
    ...Object.entries(mounts).map(([prefix, dir]) => ({ exact: null, prefix, handler: serve(dir), file: null })),
    { exact: null, prefix: '/', handler: serve(root), file: null },
  ];

  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return send(res, 400, 'Bad request: the URL is not valid percent-encoding');
    }
    res.setHeader('Cache-Control', 'no-store');
    // Module scripts from a sandboxed frame (opaque origin) or another origin need CORS.
    res.setHeader('Access-Control-Allow-Origin', '*');
    for (const [name, value] of Object.entries(headers(path))) res.setHeader(name, value);
    if (intercept(req, res, path)) return;
    // The last route's prefix is '/': some route always matches.
    const route = /** @type {(typeof routes)[number]} */ (routes.find((candidate) => candidate.exact === path || (candidate.prefix && path.startsWith(candidate.prefix))));
    const { search } = new URL(req.url ?? '/', 'http://x');
    const rest = route.file ?? (req.url ?? '/').slice((route.prefix ?? '/').length - 1).split('?')[0];
    req.url = `${rest}${search}`;
    route.handler(req, res, () => send(res, 404, 'Not found'));
  });
  await /** @type {Promise<void>} */ (new Promise((done) => server.listen(port, '127.0.0.1', () => done())));
  const actual = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections?.();
        server.close(() => done());
      }),
  };
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} text
 */
function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
