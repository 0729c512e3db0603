/** The message an embed frame sends its parent whenever its height changes. */
export const EMBED_RESIZE = 'aiml-snippets:resize';

/** The message a parent sends an embed frame to hear its height again (it may have missed it). */
export const EMBED_MEASURE = 'aiml-snippets:measure';

export interface EmbedResizeMessage {
  type: typeof EMBED_RESIZE;
  height: number;
}

export const isResizeMessage = (data: unknown): data is EmbedResizeMessage =>
  typeof data === 'object' &&
  data !== null &&
  (data as EmbedResizeMessage).type === EMBED_RESIZE &&
  Number.isFinite((data as EmbedResizeMessage).height);

export const isMeasureMessage = (data: unknown): boolean =>
  typeof data === 'object' && data !== null && (data as { type?: unknown }).type === EMBED_MEASURE;
