import type { OperationFixture } from '../operation-fixture';

const PAGE = 'docs/api-overview/video-models/minimax-video/generate-video.md';

/** POST /v2/generate/video/minimax/generation: a video from a prompt and a first frame. */
export const minimaxVideoGeneration: OperationFixture = {
  method: 'POST',
  path: '/v2/generate/video/minimax/generation',
  request: {
    source: { page: PAGE, seedLine: 5845, evidence: 'prose', note: '"you need a prompt and an image URL"; the example sends model, prompt and first_frame_image (line 5868)' },
    kind: 'json',
    fields: {
      model: { type: 'string', required: true },
      prompt: { type: 'string', required: true },
      first_frame_image: { type: 'string', required: true },
    },
  },
  answers: [
    {
      source: { page: 'docs/api-overview/video-models/minimax-video/README.md', seedLine: 5751, evidence: 'prose', note: '"It creates a video generation task and returned you generation_id"' },
      body: { generation_id: 'minimax-video-81c0' },
      shows: ['minimax-video-81c0'],
    },
  ],
};
