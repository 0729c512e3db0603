import { videoFetch } from './video-fetch';

/** GET /v2/generate/video/kling/generation: polled until the video is ready. */
export const klingFetch = videoFetch(
  '/v2/generate/video/kling/generation',
  { page: 'docs/api-overview/video-models/kling/fetch-generation.md', seedLine: 4830, evidence: 'docs-code', note: 'generation_id in the query string' },
  'docs/api-overview/video-models/kling/fetch-generation.md',
  'kling-gen-5d2e',
);
