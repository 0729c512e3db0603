// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_ANSWER, ERROR_MESSAGE } from './error-answer';
import { startMockApi, type MockApi } from './mock-api';
import { OPERATIONS } from './operations';

let mock: MockApi;
beforeAll(async () => {
  mock = await startMockApi(OPERATIONS);
});
afterAll(() => mock.close());

const post = (path: string, key: string, body: unknown) =>
  fetch(`${mock.origin}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('the mock API', () => {
  it('listens on 127.0.0.1 only, on a port of its own', () => {
    expect(mock.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers as the fixture says, picking the answer by model, and records the request decoded', async () => {
    const run = mock.openRun({ mode: 'ok' });
    const guard = await (await post('/v1/chat/completions', run.key, { model: 'meta-llama/Meta-Llama-Guard-3-8B', messages: [] })).json();
    const chat = await (await post('/v1/chat/completions', run.key, { model: 'gpt-4o-mini', messages: [] })).json();
    run.close();
    expect(guard.choices[0].message.content).toBe('safe');
    expect(chat.choices[0].message.content).toMatch(/air scatters blue sunlight/);
    expect(run.requests.map((r) => [r.operation, r.status, r.authorization])).toEqual([
      ['POST /v1/chat/completions', 200, `Bearer ${run.key}`],
      ['POST /v1/chat/completions', 200, `Bearer ${run.key}`],
    ]);
    expect(run.requests[0]!.body).toEqual({ kind: 'json', value: { model: 'meta-llama/Meta-Llama-Guard-3-8B', messages: [] } });
  });

  it('maps a run value back to the default it replaces, to pick the answer', async () => {
    const run = mock.openRun({ mode: 'ok', aliases: new Map([['hostile "model"', 'dall-e-2']]) });
    const answer = await (await post('/v1/images/generations', run.key, { model: 'hostile "model"', prompt: 'p' })).json();
    run.close();
    expect(answer).toHaveProperty('data.0.url');
  });

  it('answers "not ready" to the first polls, then completes', async () => {
    const run = mock.openRun({ mode: 'ok', pollsBeforeDone: 2 });
    const statuses: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${mock.origin}/v2/generate/video/kling/generation?generation_id=g%2F1`, { headers: { Authorization: `Bearer ${run.key}` } });
      statuses.push((await response.json()).status);
    }
    run.close();
    expect(statuses).toEqual(['generating', 'generating', 'completed']);
    expect(run.requests[0]!.query).toEqual([['generation_id', 'g/1']]);
  });

  it('answers HTTP 400 with the error answer in error mode', async () => {
    const run = mock.openRun({ mode: 'error' });
    const response = await post('/v1/embeddings', run.key, { model: 'm', input: 'i' });
    run.close();
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(ERROR_ANSWER.body);
    expect(JSON.stringify(ERROR_ANSWER.body)).toContain(ERROR_MESSAGE);
  });

  it('refuses an unknown path, a request without a run key, and a model no answer covers, saying why', async () => {
    const run = mock.openRun({ mode: 'ok' });
    const unknown = await post('/v1//chat/completions', run.key, {});
    const model = await post('/v1/images/generations', run.key, { model: 'no-such-model' });
    run.close();
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toBe('POST /v1//chat/completions is no operation the docs describe (no fixture in test/samples/operations/)');
    expect(model.status).toBe(422);
    expect((await model.json()).error.message).toMatch(/has no answer for the model "no-such-model": add it to the "models" of an answer/);
    const strays = mock.stray.length;
    expect((await post('/v1/embeddings', 'mock-key-unknown', {})).status).toBe(401);
    expect(mock.stray).toHaveLength(strays + 1);
  });

  it("serves the files a run's answers link to, of the kind their name says", async () => {
    const run = mock.openRun({ mode: 'ok' });
    const answer = await (await post('/v1/images/generations', run.key, { model: 'triposr', image_url: 'u' })).json();
    const mesh = await fetch(answer.model_mesh.url);
    run.close();
    expect(Buffer.from(await mesh.arrayBuffer()).subarray(0, 4).toString()).toBe('glTF');
    expect(run.requests.map((r) => r.operation)).toEqual(['POST /v1/images/generations', 'download']);
  });
});
