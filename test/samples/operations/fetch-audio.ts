import type { OperationFixture } from '../operation-fixture';

const YAML = 'docs/api-overview/audio-models-music-and-vocal/stable-audio/stable-audio-docs.yaml';

/** GET /v2/generate/audio: fetches a generated audio by its id (polled). */
export const fetchAudio: OperationFixture = {
  method: 'GET',
  path: '/v2/generate/audio',
  request: {
    source: { page: YAML, seedLine: 1601, evidence: 'schema', note: 'generation_id, a required query parameter' },
    kind: 'query',
    fields: {
      generation_id: { type: 'string', required: true },
    },
  },
  pending: {
    source: { page: YAML, seedLine: 1639, evidence: 'schema', note: 'FetchAudioDTO: id and status (generating, queued or completed)' },
    status: 201,
    body: { id: 'audio-gen-7f3a', status: 'generating' },
    shows: [],
  },
  answers: [
    {
      source: { page: YAML, seedLine: 1639, evidence: 'schema', note: "FetchAudioDTO: status completed and audio_file (url, content_type, file_name, file_size), with status '201'" },
      status: 201,
      body: {
        id: 'audio-gen-7f3a',
        status: 'completed',
        audio_file: { url: 'https://files.mock.invalid/audio/audio-gen-7f3a.wav', content_type: 'audio/wav', file_name: 'audio-gen-7f3a.wav', file_size: 1843200 },
      },
      shows: ['https://files.mock.invalid/audio/audio-gen-7f3a.wav'],
    },
  ],
};
