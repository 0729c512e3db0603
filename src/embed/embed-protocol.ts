/** The message an embed frame sends its parent whenever its height changes. */
export const EMBED_RESIZE = 'aiml-snippets:resize';

export interface EmbedResizeMessage {
  type: typeof EMBED_RESIZE;
  height: number;
}

export const isResizeMessage = (data: unknown): data is EmbedResizeMessage =>
  typeof data === 'object' &&
  data !== null &&
  (data as EmbedResizeMessage).type === EMBED_RESIZE &&
  Number.isFinite((data as EmbedResizeMessage).height);
