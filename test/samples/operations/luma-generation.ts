import type { OperationFixture } from '../operation-fixture';

const PAGE = 'docs/api-overview/video-models/luma-ai-v2/generate-video.md';

/** POST /v2/generate/video/luma-ai/generation: a video from a prompt and an aspect ratio. */
export const lumaGeneration: OperationFixture = {
  method: 'POST',
  path: '/v2/generate/video/luma-ai/generation',
  request: {
    source: { page: PAGE, seedLine: 5631, evidence: 'prose', note: '"you need only a prompt and the aspect ratio"; loop, a boolean (line 5643)' },
    kind: 'json',
    fields: {
      prompt: { type: 'string', required: true },
      aspect_ratio: { type: 'string', required: true },
      loop: { type: 'boolean' },
    },
  },
  answers: [
    {
      source: { page: PAGE, seedLine: null, evidence: 'none', note: "the example prints the answer whole: the generation's id and state" },
      body: { id: 'luma-gen-0a6f', state: 'queued' },
      shows: ['luma-gen-0a6f'],
    },
  ],
};
