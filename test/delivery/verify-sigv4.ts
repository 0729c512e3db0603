// Checks a request's SigV4 signature the way S3 does, with AWS's own signer (@smithy/signature-v4,
// the one inside the AWS SDK): an implementation independent of aws4fetch, which the deploy uses.
// It recomputes the signature from what arrived on the wire, so a header or body that was signed
// one way and sent another fails here as it would on S3.
import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';

export type Credentials = { accessKeyId: string; secretAccessKey: string };

export type ReceivedRequest = {
  method: string;
  /** As received: path and query, still percent-encoded. */
  url: string;
  /** Lower-case names, as node:http gives them. */
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
};

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)\/(?<day>\d{8})\/(?<region>[^/]+)\/s3\/aws4_request, SignedHeaders=(?<signed>[a-z0-9;-]+), Signature=(?<signature>[0-9a-f]{64})$/;

// S3 refuses requests whose x-amz-date is more than 15 minutes from its clock.
const MAX_SKEW_MS = 15 * 60_000;

/** Why S3 would refuse the request's signature, or null when it verifies. */
export async function verifySigV4(
  request: ReceivedRequest,
  { credentials, region, now = new Date() }: { credentials: Credentials; region: string; now?: Date },
): Promise<string | null> {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(',') : value;
  };
  const auth = AUTHORIZATION.exec(header('authorization') ?? '')?.groups;
  if (!auth) return 'no AWS4-HMAC-SHA256 Authorization header';
  if (auth.key !== credentials.accessKeyId) return `unknown access key ${auth.key}`;
  if (auth.region !== region) return `credential scope names region ${auth.region}, not ${region}`;
  const amzDate = header('x-amz-date') ?? '';
  const signingDate = parseAmzDate(amzDate);
  if (!signingDate) return `x-amz-date "${amzDate}" is not like 20130524T000000Z`;
  if (auth.day !== amzDate.slice(0, 8)) return 'credential scope date differs from x-amz-date';
  if (Math.abs(signingDate.getTime() - now.getTime()) > MAX_SKEW_MS) return 'x-amz-date is more than 15 minutes off';
  const signed = auth.signed!.split(';');
  for (const name of ['host', 'x-amz-date', 'x-amz-content-sha256']) if (!signed.includes(name)) return `${name} is not signed`;
  // S3 requires every x-amz-* header to be signed.
  for (const name of Object.keys(request.headers)) if (name.startsWith('x-amz-') && !signed.includes(name)) return `${name} is not signed`;
  if (signed.some((name) => header(name) === undefined)) return 'a signed header was not sent';
  const payloadHash = header('x-amz-content-sha256');
  if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== createHash('sha256').update(request.body).digest('hex')) {
    return 'x-amz-content-sha256 does not match the body';
  }

  const url = new URL(request.url, `http://${header('host')}`);
  const signer = new SignatureV4({ service: 's3', region, credentials, sha256: NodeSha256, uriEscapePath: false, applyChecksum: true });
  const resigned = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: url.hostname,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(signed.map((name) => [name, header(name)!])),
      body: request.body,
    },
    { signingDate, signableHeaders: new Set(signed) },
  );
  const expected = /Signature=([0-9a-f]{64})/.exec(String(resigned.headers.authorization))?.[1];
  return expected === auth.signature ? null : 'signature does not match';
}

function parseAmzDate(text: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`) : null;
}

// The hash SignatureV4 asks for (SHA-256, or HMAC-SHA256 when given a key), from node:crypto.
class NodeSha256 {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(toBytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

function toBytes(data: string | ArrayBuffer | ArrayBufferView): string | Uint8Array {
  if (typeof data === 'string') return data;
  return ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
}
