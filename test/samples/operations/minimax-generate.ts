import { sampleFile } from '../file-kinds';
import type { OperationFixture } from '../operation-fixture';

const PAGE = 'docs/api-overview/audio-models-music-and-vocal/minimax-music/generate-an-audio.md';

/** POST /v2/generate/audio/minimax/generate: MiniMax Music; the song comes back hex-encoded. */
export const minimaxGenerate: OperationFixture = {
  method: 'POST',
  path: '/v2/generate/audio/minimax/generate',
  request: {
    source: { page: PAGE, seedLine: 807, evidence: 'docs-code', note: 'the example sends refer_voice, refer_instrumental, lyrics and model' },
    kind: 'json',
    fields: {
      model: { type: 'string', required: true },
      refer_voice: { type: 'string', required: true },
      refer_instrumental: { type: 'string', required: true },
      lyrics: { type: 'string', required: true },
    },
  },
  answers: [
    {
      source: { page: PAGE, seedLine: 831, evidence: 'docs-code', note: 'the examples read data.audio and decode it from hex into an mp3 (line 892 in Python)' },
      body: { data: { audio: sampleFile('mp3').bytes.toString('hex'), status: 2 } },
      shows: [],
    },
  ],
};
