import type { OperationFixture } from '../operation-fixture';

const SEED_004 = '004_24291457f4de42f4.txt';

/** POST /v1/stt: speech to text. */
export const stt: OperationFixture = {
  method: 'POST',
  path: '/v1/stt',
  request: {
    source: { page: 'API reference (seed 004)', seed: SEED_004, seedLine: 156, evidence: 'example', note: '"Speech to Text": model and url' },
    kind: 'json',
    fields: {
      model: { type: 'string', required: true },
      url: { type: 'string', required: true },
    },
  },
  answers: [
    {
      // The seed's example prints the whole answer; docs/api-overview/speech-models/speech-to-text-stt.md
      // only embeds the API reference. Unverified: Deepgram's format, as the snippets read it.
      source: { page: 'docs/api-overview/speech-models/speech-to-text-stt.md', seedLine: null, evidence: 'none', note: "Deepgram's results.channels[0].alternatives[0].transcript, as the snippets read it" },
      body: { results: { channels: [{ alternatives: [{ transcript: 'The birch canoe slid on the smooth planks.', confidence: 0.99 }] }] } },
      shows: ['The birch canoe slid on the smooth planks.'],
    },
  ],
};
