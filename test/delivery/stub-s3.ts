// A stand-in for an S3-compatible bucket (path-style), on 127.0.0.1: it refuses any request whose
// SigV4 signature does not verify (verify-sigv4.ts), honours `If-None-Match: *` as S3 and R2 do,
// and keeps what it is given.
import { verifySigV4 } from './verify-sigv4';
import { startHttpStub } from './http-stub';

export const BUCKET = 'docs-cdn';
export const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'stub/secret+key' };

export type StoredObject = { key: string; body: Buffer; contentType: string; cacheControl: string };
export type RecordedPut = StoredObject & { ifNoneMatch: string | undefined };

export type StubS3 = {
  endpoint: string;
  /** Every PUT the bucket accepted, in order. */
  puts: RecordedPut[];
  objects: Map<string, StoredObject>;
  /** Every request, as `METHOD key` (key without the bucket), and its status. */
  log: { request: string; status: number }[];
  /** Requests refused for their signature, with S3's reason (should stay empty). */
  rejected: string[];
  /** Makes the next `count` requests `METHOD key` answer `status` (a 5xx or 429) first. */
  failNext(request: string, count: number, status?: number): void;
  close(): Promise<void>;
};

/** Starts the stub bucket; `conditionalWrites: false` plays a store that ignores If-None-Match. */
export async function startStubS3({ region = 'us-east-1', conditionalWrites = true } = {}): Promise<StubS3> {
  const objects = new Map<string, StoredObject>();
  const puts: RecordedPut[] = [];
  const log: StubS3['log'] = [];
  const rejected: string[] = [];
  const failures = new Map<string, { count: number; status: number }>();
  const server = await startHttpStub(async (req, body, res) => {
    const path = new URL(req.url ?? '/', 'http://stub').pathname;
    const key = decodeURIComponent(path.slice(`/${BUCKET}/`.length));
    const request = `${req.method} ${key}`;
    // Requests overlap (the deploy sends four at a time), so each keeps its own log entry.
    const entry = { request, status: 0 };
    log.push(entry);
    const reply = (status: number, code?: string) => {
      entry.status = status;
      if (!code) return res.writeHead(status).end();
      res.writeHead(status, { 'content-type': 'application/xml' });
      res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>stub says ${code}</Message></Error>`);
    };
    if (!path.startsWith(`/${BUCKET}/`)) return reply(404, 'NoSuchBucket');
    const refusal = await verifySigV4({ method: req.method ?? '', url: req.url ?? '/', headers: req.headers, body }, { credentials: CREDENTIALS, region });
    if (refusal) {
      rejected.push(`${request}: ${refusal}`);
      return reply(403, 'SignatureDoesNotMatch');
    }
    const failure = failures.get(request);
    if (failure && failure.count > 0) {
      failure.count -= 1;
      return reply(failure.status, failure.status === 429 ? 'SlowDown' : 'InternalError');
    }
    if (req.method === 'PUT') {
      const ifNoneMatch = req.headers['if-none-match'];
      if (conditionalWrites && ifNoneMatch === '*' && objects.has(key)) return reply(412, 'PreconditionFailed');
      const object = { key, body, contentType: String(req.headers['content-type'] ?? ''), cacheControl: String(req.headers['cache-control'] ?? '') };
      objects.set(key, object);
      puts.push({ ...object, ifNoneMatch });
      return reply(200);
    }
    if (req.method === 'GET') {
      const object = objects.get(key);
      if (!object) return reply(404, 'NoSuchKey');
      entry.status = 200;
      res.writeHead(200, { 'content-type': object.contentType }).end(object.body);
      return;
    }
    reply(405, 'MethodNotAllowed');
  });
  return {
    endpoint: server.origin,
    puts,
    objects,
    log,
    rejected,
    failNext: (request, count, status = 503) => void failures.set(request, { count, status }),
    close: () => server.close(),
  };
}
