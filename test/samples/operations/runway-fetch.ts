import { videoFetch } from './video-fetch';

/** GET /v2/generate/video/runway/generation: polled until the video is ready. */
export const runwayFetch = videoFetch(
  '/v2/generate/video/runway/generation',
  { page: 'docs/api-overview/video-models/runway/generate-video-1.md', seedLine: 5960, evidence: 'docs-code', note: 'generation_id in the query string' },
  'docs/api-overview/video-models/runway/generate-video-1.md',
  'runway-gen-2b9d',
);
