import { videoFetch } from './video-fetch';

/** GET /v2/generate/video/minimax/generation: polled until the video is ready. */
export const minimaxVideoFetch = videoFetch(
  '/v2/generate/video/minimax/generation',
  { page: 'docs/api-overview/video-models/minimax-video/fetch-generation.md', seedLine: 5794, evidence: 'docs-code', note: 'generation_id in the query string' },
  'docs/api-overview/video-models/minimax-video/fetch-generation.md',
  'minimax-video-81c0',
);
