import type { OperationFixture } from '../operation-fixture';

const PAGE = 'docs/api-overview/audio-models-music-and-vocal/minimax-music/upload-audio.md';

/** POST /v2/generate/audio/minimax/upload: a multipart upload of a reference song. */
export const minimaxUpload: OperationFixture = {
  method: 'POST',
  path: '/v2/generate/audio/minimax/upload',
  request: {
    source: { page: PAGE, seedLine: 938, evidence: 'docs-code', note: 'a form with purpose ("song", "voice" or "instrumental") and the file, as audio/mpeg' },
    kind: 'multipart',
    fields: {
      purpose: { type: 'string', required: true },
      file: { type: 'file', required: true },
    },
  },
  answers: [
    {
      // The examples print the answer whole (line 960): its fields are not shown.
      source: { page: PAGE, seedLine: null, evidence: 'none', note: 'the ids to pass as refer_voice / refer_instrumental, as the snippets say' },
      body: { voice_id: 'vocal-2025061200000000-mock', instrumental_id: 'instrumental-2025061200000000-mock' },
      shows: ['vocal-2025061200000000-mock'],
    },
  ],
};
