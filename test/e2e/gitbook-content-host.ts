// A stand-in for GitBook's integrations host on 127.0.0.1: it runs the integration's built
// script as GitBook's dispatcher does (test/gitbook/gitbook-dispatcher.ts), turning each HTTP
// request to the integration's public content endpoint into a `fetch` event. Test code
// dispatches `ui_render` events through it too, as GitBook's renderer does for a block.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { loadIntegration, testEnvironment, type TestEnvironment } from '../gitbook/gitbook-dispatcher';

export interface ContentHost {
  url: string;
  environment: TestEnvironment;
  /** Dispatches a GitBook event to the integration; returns its answer (JSON parsed). */
  dispatch: (event: Record<string, unknown>) => Promise<{ status: number; body: unknown }>;
  close: () => Promise<void>;
}

/**
 * Serves the integration at `<url>/v1/integrations/<name>/integration/…`, and the files of
 * `staticDir` at `<url>/static/…` (another integration's frame, on the same host).
 */
export async function startContentHost({ script, name, version, staticDir }: { script: string; name: string; version: number; staticDir: string }): Promise<ContentHost> {
  let environment = testEnvironment(name, version, '');
  const send = await loadIntegration(script, () => environment);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', host.url);
    if (url.pathname.startsWith('/static/')) {
      const file = url.pathname.slice('/static/'.length);
      if (!/^[\w-]+\.(?:html|js)$/.test(file)) return void res.writeHead(404).end();
      const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8';
      return void res.writeHead(200, { 'Content-Type': type }).end(await readFile(join(staticDir, file)));
    }
    const headers = Object.fromEntries(Object.entries(req.headers).map(([key, value]) => [key, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
    const response = await send({ type: 'fetch', request: { url: url.href, method: req.method, headers } });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  environment = testEnvironment(name, version, `${url}/v1/integrations/${name}/integration`);
  const host: ContentHost = {
    url,
    environment,
    async dispatch(event) {
      const response = await send(event);
      const text = await response.text();
      return { status: response.status, body: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
  return host;
}
