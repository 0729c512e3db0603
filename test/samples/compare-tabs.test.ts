import { describe, expect, it } from 'vitest';
import { compareTabs } from './compare-tabs';
import type { RecordedRequest } from './recorded-request';

const json = (value: unknown, over: Partial<RecordedRequest> = {}): RecordedRequest => ({
  method: 'POST', path: '/v1/chat/completions', query: [], authorization: 'Bearer k', body: { kind: 'json', value }, at: 0, operation: 'POST /v1/chat/completions', status: 200, ...over,
});

describe('compareTabs', () => {
  it('finds nothing when the tabs send the same requests and save the same files', () => {
    const requests = [json({ model: 'm', n: 1 })];
    expect(compareTabs([{ label: 'py', requests, files: ['a.png'] }, { label: 'sh', requests: [json({ n: 1, model: 'm' })], files: ['a.png'] }])).toEqual([]);
  });

  it('names the tabs, the request and the first field where they part', () => {
    expect(compareTabs([
      { label: 'py', requests: [json({ model: 'm', messages: [{ content: 'a' }] })], files: [] },
      { label: 'sh', requests: [json({ model: 'm', messages: [{ content: 'b' }] })], files: [] },
    ])).toEqual(['sh and py send different requests (py 1, sh 1); request 1: body messages.0.content: py sends "a", sh sends "b"']);
  });

  it('reports a request one tab leaves out, another path, and other files', () => {
    const create = json({ model: 'm' });
    const poll = json(undefined, { method: 'GET', body: { kind: 'empty' }, query: [['generation_id', 'g']] });
    expect(compareTabs([
      { label: 'py', requests: [create, poll], files: ['image.png'] },
      { label: 'sh', requests: [create], files: [] },
      { label: 'js', requests: [json({ model: 'm' }, { path: '/v1//chat/completions' })], files: ['image.png'] },
    ])).toEqual([
      'sh and py send different requests (py 2, sh 1); request 2: py sends GET /v1/chat/completions?generation_id="g", sh sends (nothing)',
      'sh saves [] where py saves [image.png]',
      'js and py send different requests (py 2, js 1); request 1: py sends POST /v1/chat/completions, js sends POST /v1//chat/completions',
    ]);
  });
});
