import type { OperationFixture } from '../operation-fixture';

const PAGE = 'docs/api-overview/audio-models-music-and-vocal/suno-ai-v2/clip-generation/generate-with-custom-lyrics.md';

/** POST /v2/generate/audio/suno-ai/clip: a song from custom lyrics. */
export const sunoClip: OperationFixture = {
  method: 'POST',
  path: '/v2/generate/audio/suno-ai/clip',
  request: {
    source: { page: PAGE, seedLine: 2462, evidence: 'example', note: 'the payload: prompt (the lyrics), tags, title' },
    kind: 'json',
    fields: {
      prompt: { type: 'string', required: true },
      tags: { type: 'string' },
      title: { type: 'string' },
    },
  },
  answers: [
    {
      source: { page: PAGE, seedLine: 2591, evidence: 'docs-code', note: 'the example reads clip_ids' },
      body: { clip_ids: ['clip-4f1c-mock', 'clip-9b2e-mock'] },
      shows: ['clip-4f1c-mock'],
    },
  ],
};
