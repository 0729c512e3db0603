// AWS Signature Version 4 for S3 requests, with node:crypto only: the deploy step needs no
// AWS CLI or SDK, so it runs the same on a fresh CI machine, a laptop and in the tests.
// Reference: "Authenticating Requests (AWS Signature Version 4)" in the Amazon S3 API docs.
import { createHash, createHmac } from 'node:crypto';

export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Hex SHA-256 of a body, the value of `x-amz-content-sha256`. */
export function sha256Hex(body) {
  return createHash('sha256').update(body).digest('hex');
}

/** RFC 3986 encoding of one path segment or query part, as S3 canonical requests need. */
export function encodeRfc3986(text) {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `/bucket/a/b c.js` → `/bucket/a/b%20c.js`: each segment encoded, slashes kept. */
export function encodeKeyPath(path) {
  return path.split('/').map(encodeRfc3986).join('/');
}

/** `20130524T000000Z` for a Date. */
export function amzDate(date) {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * Signs one request.
 * `path` is already URI-encoded (see encodeKeyPath); `headers` must hold `host`,
 * `x-amz-date` and `x-amz-content-sha256`; every header given is signed.
 * Returns the `authorization` header value and the intermediate strings (for tests).
 */
export function signV4({ method, path, query = '', headers, region, service = 's3', accessKeyId, secretAccessKey }) {
  const lower = Object.entries(headers).map(([name, value]) => [name.toLowerCase(), String(value).trim().replace(/\s+/g, ' ')]);
  lower.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const get = (name) => lower.find(([n]) => n === name)?.[1];
  const date = get('x-amz-date');
  const payloadHash = get('x-amz-content-sha256');
  if (!get('host') || !date || !payloadHash) throw new Error('signV4: headers need host, x-amz-date and x-amz-content-sha256');
  const signedHeaders = lower.map(([n]) => n).join(';');
  const canonicalRequest = [
    method,
    path,
    canonicalQuery(query),
    lower.map(([n, v]) => `${n}:${v}\n`).join(''),
    signedHeaders,
    payloadHash,
  ].join('\n');
  const day = date.slice(0, 8);
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', date, scope, sha256Hex(canonicalRequest)].join('\n');
  let key = hmac(`AWS4${secretAccessKey}`, day);
  for (const part of [region, service, 'aws4_request']) key = hmac(key, part);
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  const authorization = `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { authorization, canonicalRequest, stringToSign, signature };
}

function hmac(key, data) {
  return createHmac('sha256', key).update(data).digest();
}

function canonicalQuery(query) {
  const params = [...new URLSearchParams(query)].map(([k, v]) => [encodeRfc3986(k), encodeRfc3986(v)]);
  params.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return params.map(([k, v]) => `${k}=${v}`).join('&');
}
