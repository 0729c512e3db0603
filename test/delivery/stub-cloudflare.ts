// A stand-in for Cloudflare's `POST /zones/:zone/purge_cache`, on 127.0.0.1: records each call and
// answers success, or Cloudflare's error shape once `failWith` is set.
import { startHttpStub } from './http-stub';

export type PurgeCall = { request: string; authorization: string; files: string[] };

export type StubCloudflare = {
  apiBase: string;
  calls: PurgeCall[];
  /** Answers every later call with this HTTP status and Cloudflare error. */
  failWith(status: number, error: { code: number; message: string }): void;
  close(): Promise<void>;
};

export async function startStubCloudflare(): Promise<StubCloudflare> {
  const calls: PurgeCall[] = [];
  let failure: { status: number; error: { code: number; message: string } } | undefined;
  const server = await startHttpStub((req, body, res) => {
    const { files = [] } = JSON.parse(body.toString('utf8') || '{}') as { files?: string[] };
    calls.push({ request: `${req.method} ${req.url}`, authorization: String(req.headers.authorization ?? ''), files });
    const route = req.method === 'POST' && /^\/client\/v4\/zones\/[^/]+\/purge_cache$/.test(req.url ?? '');
    const [status, reply] = !route
      ? [404, { success: false, errors: [{ code: 7003, message: 'No route for that URI' }] }]
      : failure
        ? [failure.status, { success: false, errors: [failure.error] }]
        : [200, { success: true, errors: [], result: { id: 'purge' } }];
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
  });
  return {
    apiBase: `${server.origin}/client/v4`,
    calls,
    failWith: (status, error) => void (failure = { status, error }),
    close: () => server.close(),
  };
}
