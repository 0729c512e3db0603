import { describe, expect, it } from 'vitest';
import { decodeBody, normalizeRequest, type RecordedRequest } from './recorded-request';

const form = (boundary: string, parts: string[]) => Buffer.from(`${parts.map((p) => `--${boundary}\r\n${p}\r\n`).join('')}--${boundary}--\r\n`);

describe('decodeBody', () => {
  it('reads a multipart form: text fields and files, names unescaped', () => {
    const body = decodeBody('multipart/form-data; boundary=XyZ', form('XyZ', [
      'Content-Disposition: form-data; name="purpose"\r\n\r\nline one\r\nline two',
      'Content-Disposition: form-data; name="file"; filename="it\'s my file, take 2; %22final%22.mp3"\r\nContent-Type: audio/mpeg\r\n\r\nID3abc',
    ]));
    expect(body).toEqual({
      kind: 'multipart',
      fields: { purpose: 'line one\r\nline two' },
      files: [{ field: 'file', filename: 'it\'s my file, take 2; "final".mp3', contentType: 'audio/mpeg', size: 6, sha1: expect.stringMatching(/^[0-9a-f]{40}$/) }],
    });
  });

  it('says what is wrong with a body it cannot read', () => {
    expect(decodeBody('application/json', Buffer.from('{"a":'))).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/^a JSON body that does not parse/) });
    expect(decodeBody('text/plain', Buffer.from('x'))).toEqual({ kind: 'invalid', reason: 'a body of type "text/plain" (expected JSON or a multipart form)' });
    expect(decodeBody(undefined, Buffer.alloc(0))).toEqual({ kind: 'empty' });
  });
});

describe('normalizeRequest', () => {
  const request = (over: Partial<RecordedRequest>): RecordedRequest => ({
    method: 'POST', path: '/v1/x', query: [], authorization: null, body: { kind: 'empty' }, at: 0, operation: 'POST /v1/x', status: 200, ...over,
  });

  it('writes two requests that differ only in key order, query order or form line breaks alike', () => {
    expect(normalizeRequest(request({ body: { kind: 'json', value: { b: 1, a: { d: 2, c: [3] } } } }))).toBe(normalizeRequest(request({ body: { kind: 'json', value: { a: { c: [3], d: 2 }, b: 1 } } })));
    expect(normalizeRequest(request({ query: [['b', '2'], ['a', '1']] }))).toBe('POST /v1/x?a="1"&b="2"');
    const fields = (text: string) => request({ body: { kind: 'multipart', fields: { p: text }, files: [] } });
    expect(normalizeRequest(fields('a\r\nb'))).toBe(normalizeRequest(fields('a\nb')));
  });

  it('keeps every difference the API would see', () => {
    expect(normalizeRequest(request({ body: { kind: 'json', value: { n: 1 } } }))).not.toBe(normalizeRequest(request({ body: { kind: 'json', value: { n: '1' } } })));
    expect(normalizeRequest(request({ path: '/v1//x' }))).not.toBe(normalizeRequest(request({})));
  });
});
