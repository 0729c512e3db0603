import type { OperationFixture } from '../operation-fixture';

const SEED_004 = '004_24291457f4de42f4.txt';

/** POST /v1/tts: text to speech; the answer is the audio itself. */
export const tts: OperationFixture = {
  method: 'POST',
  path: '/v1/tts',
  request: {
    source: { page: 'API reference (seed 004)', seed: SEED_004, seedLine: 202, evidence: 'example', note: '"Text to Speech": model and text' },
    kind: 'json',
    fields: {
      model: { type: 'string', required: true },
      text: { type: 'string', required: true },
    },
  },
  answers: [
    {
      source: { page: 'API reference (seed 004)', seed: SEED_004, seedLine: 208, evidence: 'docs-code', note: 'the example writes the answer\'s bytes to output.wav' },
      body: { file: 'wav' },
      shows: [],
    },
  ],
};
