import type { OperationFixture } from '../operation-fixture';

const PAGE = 'docs/api-overview/video-models/luma-ai-v2/fetch-generations.md';

/** GET /v2/generate/video/luma-ai/generation: waits (server side, up to 30 s) for a state, polled. */
export const lumaFetch: OperationFixture = {
  method: 'GET',
  path: '/v2/generate/video/luma-ai/generation',
  request: {
    source: { page: PAGE, seedLine: 5510, evidence: 'docs-code', note: 'generation_id and state in the query string' },
    kind: 'query',
    fields: {
      generation_id: { type: 'string', required: true },
      state: { type: 'string' },
    },
  },
  pending: {
    // The server's wait timed out: "the result returns with the current actual state" (line 5489).
    source: { page: PAGE, seedLine: 5485, evidence: 'prose', note: 'states queued -> dreaming -> completed -> failed; a wait that times out answers the current state' },
    body: { id: 'luma-gen-0a6f', state: 'dreaming' },
    shows: [],
  },
  answers: [
    {
      source: { page: PAGE, seedLine: 5485, evidence: 'prose', note: 'state "completed"; the rest of the answer (video.url) is not shown, unverified' },
      body: { id: 'luma-gen-0a6f', state: 'completed', video: { url: 'https://files.mock.invalid/video/luma-gen-0a6f.mp4' } },
      shows: ['luma-gen-0a6f', 'completed'],
    },
  ],
};
