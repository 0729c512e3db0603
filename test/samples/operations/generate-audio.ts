import type { OperationFixture } from '../operation-fixture';

const YAML = 'docs/api-overview/audio-models-music-and-vocal/stable-audio/stable-audio-docs.yaml';

/** POST /v2/generate/audio: Stable Audio and MiniMax Music (legacy) create a generation. */
export const generateAudio: OperationFixture = {
  method: 'POST',
  path: '/v2/generate/audio',
  request: {
    source: { page: YAML, seedLine: 1664, evidence: 'schema', note: 'GenerateAudioByPromptStableAudioDTO (model, prompt required; steps, seconds_total, seconds_start); reference_audio_url from minimax-docs.yaml, line 1379' },
    kind: 'json',
    fields: {
      model: { type: 'string', required: true },
      prompt: { type: 'string', required: true },
      steps: { type: 'number' },
      seconds_total: { type: 'number' },
      seconds_start: { type: 'number' },
      reference_audio_url: { type: 'string' },
    },
  },
  answers: [
    {
      source: { page: YAML, seedLine: 1632, evidence: 'schema', note: "GenerateAudioOrVideoResponseDTO: generation_id, with status '201'" },
      status: 201,
      body: { generation_id: 'audio-gen-7f3a' },
      shows: ['audio-gen-7f3a'],
    },
  ],
};
