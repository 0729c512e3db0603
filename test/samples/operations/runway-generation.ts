import type { OperationFixture } from '../operation-fixture';

const PAGE = 'docs/api-overview/video-models/runway/generate-video.md';

/** POST /v2/generate/video/runway/generation: a video from a prompt, an aspect ratio and a first frame. */
export const runwayGeneration: OperationFixture = {
  method: 'POST',
  path: '/v2/generate/video/runway/generation',
  request: {
    source: { page: PAGE, seedLine: 6018, evidence: 'prose', note: '"you need only a prompt and the aspect ratio"; ratio, prompt, image_url, last_image_url, duration (integer), seed, watermark are described at lines 6020-6066' },
    kind: 'json',
    fields: {
      model: { type: 'string', required: true },
      prompt: { type: 'string', required: true },
      ratio: { type: 'string', required: true },
      image_url: { type: 'string' },
      last_image_url: { type: 'string' },
      duration: { type: 'integer' },
      seed: { type: 'integer' },
      watermark: { type: 'boolean' },
    },
  },
  answers: [
    {
      source: { page: PAGE, seedLine: null, evidence: 'none', note: 'the example prints the answer whole: an id, which the fetch needs, and a status' },
      body: { id: 'runway-gen-2b9d', status: 'queued' },
      shows: ['runway-gen-2b9d'],
    },
  ],
};
