import type { OperationFixture, Source } from '../operation-fixture';

/**
 * A fetch of Kling, MiniMax or Runway videos: GET with generation_id, polled. The docs show
 * only the request (the pages' examples print the answer whole): the answer is unverified, the
 * status and video.url the snippets read.
 */
export function videoFetch(path: string, request: Source, page: string, id: string): OperationFixture {
  const unverified = (note: string): Source => ({ page, seedLine: null, evidence: 'none', note });
  return {
    method: 'GET',
    path,
    request: { source: request, kind: 'query', fields: { generation_id: { type: 'string', required: true } } },
    pending: { source: unverified('a generation still running: status "generating"'), body: { id, status: 'generating' }, shows: [] },
    answers: [
      {
        source: unverified('a finished generation: status "completed" and video.url'),
        body: { id, status: 'completed', video: { url: `https://files.mock.invalid/video/${id}.mp4` } },
        shows: [`https://files.mock.invalid/video/${id}.mp4`],
      },
    ],
  };
}
