import type { OperationFixture } from '../operation-fixture';

const PAGE = 'docs/api-overview/video-models/kling/generate-image-to-video.md';

/** POST /v2/generate/video/kling/generation: text to video and image to video. */
export const klingGeneration: OperationFixture = {
  method: 'POST',
  path: '/v2/generate/video/kling/generation',
  request: {
    source: { page: PAGE, seedLine: 4908, evidence: 'docs-code', note: 'model, prompt, ratio, image_url and duration (a string, "5"); text to video leaves out image_url (generate-text-to-video.md, line 4986)' },
    kind: 'json',
    fields: {
      model: { type: 'string', required: true },
      prompt: { type: 'string', required: true },
      image_url: { type: 'string' },
      ratio: { type: 'string' },
      duration: { type: 'string' },
    },
  },
  answers: [
    {
      source: { page: PAGE, seedLine: null, evidence: 'none', note: 'the example prints the answer whole: an id and a status, as the fetch snippet needs' },
      body: { id: 'kling-gen-5d2e', status: 'queued' },
      shows: ['kling-gen-5d2e'],
    },
  ],
};
