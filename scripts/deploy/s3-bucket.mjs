// @ts-check
// The three S3 calls the deploy needs (PUT, conditional PUT, GET object), path-style, signed and
// retried by aws4fetch. Path-style (`<endpoint>/<bucket>/<key>`) works on Cloudflare R2, MinIO,
// Ceph, Backblaze B2, DigitalOcean Spaces and AWS alike.
import { createHash } from 'node:crypto';
import { AwsClient } from 'aws4fetch';

/**
 * @typedef {object} S3BucketOptions
 * @property {string} endpoint e.g. `https://<account>.r2.cloudflarestorage.com`
 * @property {string} bucket
 * @property {string} region `us-east-1` unless the store needs another (R2 and MinIO take it too)
 * @property {string} accessKeyId
 * @property {string} secretAccessKey
 * @property {number} [retries] retries of a request answered 5xx or 429 (aws4fetch's backoff)
 * @property {number} [retryDelayMs] aws4fetch's initial backoff: each retry waits up to twice as long
 * @property {number} [timeoutMs] for one call, its retries included
 */

/**
 * @typedef {object} S3Bucket
 * @property {(key: string, body: Uint8Array<ArrayBuffer>, headers: Record<string, string>) => Promise<void>} putObject
 *   Writes one object, replacing any object of that key.
 * @property {(key: string, body: Uint8Array<ArrayBuffer>, headers: Record<string, string>) => Promise<'written' | 'exists'>} putObjectIfAbsent
 *   Writes one object unless the key exists (`If-None-Match: *`): the store decides atomically, so two
 *   writers never both succeed. Stores without conditional writes ignore the header and write.
 * @property {(key: string) => Promise<Buffer | null>} getObject The object's bytes, or null when there is none.
 */

/**
 * A client for one bucket.
 * @param {S3BucketOptions} options
 * @returns {S3Bucket}
 */
export function createS3Bucket({ endpoint, bucket, region, accessKeyId, secretAccessKey, retries = 4, retryDelayMs = 500, timeoutMs = 120_000 }) {
  const aws = new AwsClient({ accessKeyId, secretAccessKey, service: 's3', region, retries, initRetryMs: retryDelayMs });
  const base = `${endpoint.replace(/\/+$/, '')}/${encodeSegment(bucket)}/`;

  /**
   * @param {'GET' | 'PUT'} method
   * @param {string} key
   * @param {{ body?: Uint8Array<ArrayBuffer>, headers?: Record<string, string> }} [request]
   */
  async function send(method, key, { body, headers = {} } = {}) {
    const url = base + key.split('/').map(encodeSegment).join('/');
    try {
      return await aws.fetch(url, {
        method,
        // Signs the payload itself (aws4fetch would send UNSIGNED-PAYLOAD): the store rejects a body
        // changed on the way.
        headers: { 'x-amz-content-sha256': createHash('sha256').update(body ?? '').digest('hex'), ...headers },
        ...(body ? { body } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      // fetch's own message only ("fetch failed"): its cause names the endpoint, a secret, so the
      // scripts print messages, never causes (in Actions the endpoint's host is masked as well).
      throw new Error(`${method} ${key}: ${error instanceof Error ? error.message : error}`, { cause: error });
    }
  }

  return {
    async putObject(key, body, headers) {
      const res = await send('PUT', key, { body, headers });
      if (!res.ok) throw new Error(`PUT ${key}: HTTP ${res.status}${await describe(res)}`);
      await res.arrayBuffer();
    },
    async putObjectIfAbsent(key, body, headers) {
      const res = await send('PUT', key, { body, headers: { ...headers, 'if-none-match': '*' } });
      if (res.status === 412) {
        await res.arrayBuffer();
        return 'exists';
      }
      if (!res.ok) throw new Error(`PUT ${key}: HTTP ${res.status}${await describe(res)}`);
      await res.arrayBuffer();
      return 'written';
    },
    async getObject(key) {
      const res = await send('GET', key);
      if (res.status === 404) {
        await res.arrayBuffer();
        return null;
      }
      if (!res.ok) throw new Error(`GET ${key}: HTTP ${res.status}${await describe(res)}`);
      return Buffer.from(await res.arrayBuffer());
    },
  };
}

/**
 * One path segment, RFC 3986-encoded as S3 expects (encodeURIComponent leaves `!'()*` alone).
 * @param {string} segment
 */
function encodeSegment(segment) {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * S3 errors are XML: quote the code and message, never the request (it carries the signature).
 * @param {Response} res
 */
async function describe(res) {
  const text = await res.text().catch(() => '');
  const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
  const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1];
  return code || message ? ` ${code ?? ''}${message ? `: ${message}` : ''}` : '';
}
