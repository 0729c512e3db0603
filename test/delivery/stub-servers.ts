// Local stand-ins for the deploy's two remote services, on 127.0.0.1 only: an S3-compatible
// bucket that checks SigV4 signatures and keeps what it is given, and Cloudflare's purge API.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sha256Hex, signV4 } from '../../scripts/deploy/sigv4.mjs';

export type RecordedPut = { key: string; cacheControl: string; contentType: string; body: Buffer };

export type StubS3 = {
  endpoint: string;
  puts: RecordedPut[];
  objects: Map<string, RecordedPut>;
  /** Every request, as `METHOD key` (key without the bucket). */
  log: string[];
  /** Requests whose signature did not verify (should stay empty). */
  badSignatures: string[];
  /** Makes the next `count` PUTs of `key` answer 503 SlowDown. */
  failNext(key: string, count: number): void;
  close(): Promise<void>;
};

export const BUCKET = 'docs-cdn';
export const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'stub/secret+key' };

/** An S3 bucket (path-style) that verifies SigV4 with the stub credentials. */
export async function startStubS3(region = 'us-east-1'): Promise<StubS3> {
  const objects = new Map<string, RecordedPut>();
  const puts: RecordedPut[] = [];
  const log: string[] = [];
  const badSignatures: string[] = [];
  const failures = new Map<string, number>();
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://stub');
    const prefix = `/${BUCKET}/`;
    if (!url.pathname.startsWith(prefix)) return reply(res, 404, 'NoSuchBucket');
    const key = decodeURIComponent(url.pathname.slice(prefix.length));
    log.push(`${req.method} ${key}`);
    if (!verifies(req, url.pathname, body, region)) {
      badSignatures.push(`${req.method} ${key}`);
      return reply(res, 403, 'SignatureDoesNotMatch');
    }
    if (req.method === 'PUT') {
      const left = failures.get(key) ?? 0;
      if (left > 0) {
        failures.set(key, left - 1);
        return reply(res, 503, 'SlowDown');
      }
      const put = {
        key,
        cacheControl: String(req.headers['cache-control'] ?? ''),
        contentType: String(req.headers['content-type'] ?? ''),
        body,
      };
      puts.push(put);
      objects.set(key, put);
      res.writeHead(200, { etag: `"${sha256Hex(body).slice(0, 32)}"` }).end();
      return;
    }
    if (req.method === 'GET') {
      const object = objects.get(key);
      if (!object) return reply(res, 404, 'NoSuchKey');
      res.writeHead(200, { 'content-type': object.contentType }).end(object.body);
      return;
    }
    reply(res, 405, 'MethodNotAllowed');
  });
  const endpoint = await listen(server);
  return {
    endpoint,
    puts,
    objects,
    log,
    badSignatures,
    failNext: (key, count) => void failures.set(key, count),
    close: () => close(server),
  };
}

export type PurgeCall = { path: string; authorization: string; files: string[] };

/** Cloudflare's `POST /zones/:zone/purge_cache`, answering success and recording each call. */
export async function startStubCloudflare(): Promise<{ apiBase: string; calls: PurgeCall[]; close(): Promise<void> }> {
  const calls: PurgeCall[] = [];
  const server = createServer(async (req, res) => {
    const body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as { files?: string[] };
    calls.push({ path: `${req.method} ${req.url}`, authorization: String(req.headers.authorization ?? ''), files: body.files ?? [] });
    const ok = req.method === 'POST' && /^\/client\/v4\/zones\/[^/]+\/purge_cache$/.test(req.url ?? '');
    res.writeHead(ok ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ok ? { success: true, errors: [], result: { id: 'zone' } } : { success: false, errors: [{ code: 7003, message: 'No route' }] }));
  });
  const origin = await listen(server);
  return { apiBase: `${origin}/client/v4`, calls, close: () => close(server) };
}

// Recomputes the signature from what arrived: catches any header that was signed but sent
// differently (or not at all), which a real S3 would reject.
function verifies(req: IncomingMessage, path: string, body: Buffer, region: string): boolean {
  const auth = String(req.headers.authorization ?? '');
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/\d{8}\/([^/]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(auth);
  if (!match || match[1] !== CREDENTIALS.accessKeyId || match[2] !== region) return false;
  if (req.headers['x-amz-content-sha256'] !== sha256Hex(body)) return false;
  const headers: Record<string, string> = {};
  for (const name of match[3]!.split(';')) {
    const value = req.headers[name];
    if (value === undefined) return false;
    headers[name] = String(value);
  }
  const { signature } = signV4({ method: req.method ?? '', path, headers, region, ...CREDENTIALS });
  return signature === match[4];
}

function reply(res: import('node:http').ServerResponse, status: number, code: string) {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>stub says ${code}</Message></Error>`);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => done(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

function listen(server: Server): Promise<string> {
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((done) => server.close(() => done()));
}
