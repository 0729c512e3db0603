// The two S3 calls the deploy needs (PUT and GET object), path-style, signed with SigV4.
// Path-style (`<endpoint>/<bucket>/<key>`) works on Cloudflare R2, MinIO, Ceph, Backblaze B2,
// DigitalOcean Spaces and AWS alike.
import { amzDate, EMPTY_SHA256, encodeKeyPath, sha256Hex, signV4 } from './sigv4.mjs';

/**
 * @param {{ endpoint: string, bucket: string, region: string, accessKeyId: string,
 *   secretAccessKey: string, retries?: number, retryBaseMs?: number, timeoutMs?: number }} options
 */
export function createS3Client({ endpoint, bucket, region, accessKeyId, secretAccessKey, retries = 3, retryBaseMs = 500, timeoutMs = 60_000 }) {
  const base = new URL(endpoint);
  const basePath = base.pathname.replace(/\/+$/, '');

  async function send(method, key, body, extraHeaders) {
    const path = `${basePath}${encodeKeyPath(`/${bucket}/${key}`)}`;
    const url = new URL(path, base.origin);
    const headers = {
      host: url.host,
      'x-amz-date': amzDate(new Date()),
      'x-amz-content-sha256': body ? sha256Hex(body) : EMPTY_SHA256,
      ...extraHeaders,
    };
    const { authorization } = signV4({ method, path, headers, region, accessKeyId, secretAccessKey });
    // fetch sets Host itself (it is a forbidden header name), from the same URL we signed.
    const { host: _host, ...sent } = headers;
    return fetch(url, { method, headers: { ...sent, authorization }, body, signal: AbortSignal.timeout(timeoutMs) });
  }

  async function withRetries(what, attempt) {
    for (let tries = 0; ; tries++) {
      let failure;
      try {
        const res = await attempt();
        if (res.status < 500 && res.status !== 429) return res;
        failure = new Error(`${what}: HTTP ${res.status}${await describe(res)}`);
      } catch (error) {
        failure = new Error(`${what}: ${error instanceof Error ? error.message : error}`, { cause: error });
      }
      if (tries >= retries) throw failure;
      await new Promise((done) => setTimeout(done, retryBaseMs * 2 ** tries));
    }
  }

  return {
    /** Uploads one object; `headers` are e.g. content-type and cache-control. */
    async putObject(key, body, headers) {
      const res = await withRetries(`PUT ${key}`, () => send('PUT', key, body, headers));
      if (!res.ok) throw new Error(`PUT ${key}: HTTP ${res.status}${await describe(res)}`);
      await res.arrayBuffer();
    },
    /** The object's body as text, or null when there is no such object. */
    async getObject(key) {
      const res = await withRetries(`GET ${key}`, () => send('GET', key, undefined, {}));
      if (res.status === 404) {
        await res.arrayBuffer();
        return null;
      }
      if (!res.ok) throw new Error(`GET ${key}: HTTP ${res.status}${await describe(res)}`);
      return res.text();
    },
  };
}

// S3 errors are XML: quote the code and message, never the request (it carries the signature).
async function describe(res) {
  const text = await res.text().catch(() => '');
  const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
  const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1];
  return code || message ? ` ${code ?? ''}${message ? `: ${message}` : ''}` : '';
}
