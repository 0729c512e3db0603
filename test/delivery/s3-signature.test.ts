// @vitest-environment node
// The deploy signs its S3 requests with aws4fetch; the stub bucket checks them with AWS's own
// signer (verify-sigv4.ts). Both are held to the examples AWS publishes, and the stub is shown to
// refuse what S3 refuses, so "the stub accepted every upload" means something.
import { createHash } from 'node:crypto';
import { AwsClient, AwsV4Signer } from 'aws4fetch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUCKET, CREDENTIALS, startStubS3, type StubS3 } from './stub-s3';
import { verifySigV4, type ReceivedRequest } from './verify-sigv4';

// "Signature Calculations for the Authorization Header: Transferring Payload in a Single Chunk",
// Amazon S3 API Reference: its keys, requests and signatures.
const AWS_EXAMPLE = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const EXAMPLE_DAY = new Date('2013-05-24T00:00:00Z');
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('aws4fetch', () => {
  it('signs the S3 reference example "PUT Object" to the published signature', async () => {
    const body = 'Welcome to Amazon S3.';
    const signer = new AwsV4Signer({
      method: 'PUT',
      url: 'https://examplebucket.s3.amazonaws.com/test$file.text',
      headers: { Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY', 'x-amz-content-sha256': sha256(body) },
      body,
      service: 's3',
      region: 'us-east-1',
      datetime: '20130524T000000Z',
      ...AWS_EXAMPLE,
    });
    expect(await signer.authHeader()).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, ' +
        'Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
    );
  });
});

describe('the stub bucket\'s signature check', () => {
  const getObjectExample = (): ReceivedRequest => ({
    method: 'GET',
    url: '/test.txt',
    headers: {
      host: 'examplebucket.s3.amazonaws.com',
      range: 'bytes=0-9',
      'x-amz-content-sha256': EMPTY_SHA256,
      'x-amz-date': '20130524T000000Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    },
    body: new Uint8Array(),
  });
  const verify = (request: ReceivedRequest, credentials = AWS_EXAMPLE) => verifySigV4(request, { credentials, region: 'us-east-1', now: EXAMPLE_DAY });

  it('accepts the S3 reference example "GET Object", and refuses it with any part changed', async () => {
    expect(await verify(getObjectExample())).toBeNull();
    const changed = (edit: (r: ReceivedRequest) => void) => {
      const request = getObjectExample();
      edit(request);
      return verify(request);
    };
    expect(await changed((r) => (r.headers.range = 'bytes=0-10'))).toBe('signature does not match');
    expect(await changed((r) => (r.url = '/test2.txt'))).toBe('signature does not match');
    expect(await changed((r) => (r.headers['x-amz-meta-note'] = 'unsigned'))).toBe('x-amz-meta-note is not signed');
    expect(await changed((r) => (r.body = new TextEncoder().encode('x')))).toBe('x-amz-content-sha256 does not match the body');
    expect(await verify(getObjectExample(), { ...AWS_EXAMPLE, secretAccessKey: 'another' })).toBe('signature does not match');
    expect(await verifySigV4(getObjectExample(), { credentials: AWS_EXAMPLE, region: 'us-east-1' })).toBe('x-amz-date is more than 15 minutes off');
  });

  describe('over HTTP', () => {
    let s3: StubS3;
    beforeEach(async () => {
      s3 = await startStubS3();
    });
    afterEach(() => s3.close());
    const url = () => `${s3.endpoint}/${BUCKET}/a/b.js`;
    const put = (headers: Record<string, string> = {}) => ({ method: 'PUT', body: 'x', headers: { 'x-amz-content-sha256': sha256('x'), ...headers } });

    it('keeps a PUT signed with the stub credentials, and refuses one signed with another secret', async () => {
      const good = new AwsClient({ ...CREDENTIALS, service: 's3', region: 'us-east-1', retries: 0 });
      expect((await good.fetch(url(), put())).status).toBe(200);
      const forged = new AwsClient({ ...CREDENTIALS, secretAccessKey: 'guess', service: 's3', region: 'us-east-1', retries: 0 });
      expect((await forged.fetch(url(), put())).status).toBe(403);
      expect(s3.rejected).toEqual(['PUT a/b.js: signature does not match']);
      expect([...s3.objects.keys()]).toEqual(['a/b.js']);
    });

    it('refuses a request whose signed header was changed on the way', async () => {
      const client = new AwsClient({ ...CREDENTIALS, service: 's3', region: 'us-east-1', retries: 0 });
      const signed = await client.sign(url(), put({ 'cache-control': 'public, max-age=300' }));
      signed.headers.set('cache-control', 'no-store');
      expect((await fetch(signed)).status).toBe(403);
      expect(s3.rejected).toEqual(['PUT a/b.js: signature does not match']);
    });
  });
});
