// A stand-in for GitBook's integrations host on 127.0.0.1: it runs the integration's built
// script the way GitBook's dispatcher does (a POST to `/v1` whose form data holds the event
// and the environment, answered by `createIntegration`'s fetch), turning each HTTP request
// to the integration's public content endpoint into a `fetch` event. Test code dispatches
// `ui_render` events through it too, as GitBook's renderer does when a page shows a block.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Integration = { fetch: (request: Request, env: unknown, ctx: { waitUntil: (p: Promise<unknown>) => void }) => Promise<Response> };

export interface ContentHost {
  url: string;
  /** The environment GitBook passes the integration (its URLs, its version). */
  environment: { integration: { name: string; version: number; urls: { publicEndpoint: string; publicContentEndpoint: string } } } & Record<string, unknown>;
  /** Dispatches a GitBook event to the integration; returns its JSON answer. */
  dispatch: (event: Record<string, unknown>) => Promise<{ status: number; body: unknown }>;
  close: () => Promise<void>;
}

/**
 * Serves the integration at `<url>/v1/integrations/<name>/integration/…`, and static
 * files of `staticDir` at `<url>/static/…` (another integration's frame, on the same host).
 */
export async function startContentHost({ script, name, version, staticDir }: { script: string; name: string; version: number; staticDir: string }): Promise<ContentHost> {
  const integration = ((await import(/* @vite-ignore */ pathToFileURL(script).href)) as { default: Integration }).default;
  let eventCount = 0;
  const host: ContentHost = {
    url: '',
    environment: {
      apiEndpoint: 'http://127.0.0.1:9/api', // never called: the block needs no API
      apiTokens: { integration: 'test-integration-token' },
      secrets: {},
      signingSecrets: { integration: 'test-signing-secret' },
      integration: { name, version, urls: { publicEndpoint: '', publicContentEndpoint: '' } },
    },
    async dispatch(event) {
      const form = new FormData();
      form.set('event', JSON.stringify({ eventId: `e${++eventCount}`, ...event }));
      form.set('environment', JSON.stringify(host.environment));
      const response = await integration.fetch(new Request(`${host.url}/v1`, { method: 'POST', body: form }), {}, { waitUntil: () => {} });
      const text = await response.text();
      return { status: response.status, body: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
    },
    close: async () => {},
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', host.url);
    if (url.pathname.startsWith('/static/')) {
      const file = url.pathname.slice('/static/'.length);
      if (!/^[\w-]+\.(?:html|js)$/.test(file)) return void res.writeHead(404).end();
      const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8';
      return void res.writeHead(200, { 'Content-Type': type }).end(await readFile(join(staticDir, file)));
    }
    const form = new FormData();
    const headers = Object.fromEntries(Object.entries(req.headers).map(([key, value]) => [key, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
    form.set('event', JSON.stringify({ eventId: `e${++eventCount}`, type: 'fetch', request: { url: url.href, method: req.method, headers } }));
    form.set('environment', JSON.stringify(host.environment));
    const response = await integration.fetch(new Request(`${host.url}/v1`, { method: 'POST', body: form }), {}, { waitUntil: () => {} });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as { port: number }).port;
  host.url = `http://127.0.0.1:${port}`;
  const endpoint = `${host.url}/v1/integrations/${name}/integration`;
  host.environment.integration.urls = { publicEndpoint: endpoint, publicContentEndpoint: endpoint };
  host.close = () =>
    new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
  return host;
}
