/** The message an embed frame sends its parent whenever its height changes. */
export const EMBED_RESIZE = 'aiml-snippets:resize';

/** The message a parent sends an embed frame to hear its height again (it may have missed it). */
export const EMBED_MEASURE = 'aiml-snippets:measure';

/**
 * The parameter of the frame's URL fragment that carries its token: the parent page puts a
 * random one there (`embed.html?…#embed-token=…`), the embed echoes it in every message. A
 * document navigated into the frame later has another URL, so it cannot know the token.
 */
export const EMBED_TOKEN = 'embed-token';

export interface EmbedResizeMessage {
  type: typeof EMBED_RESIZE;
  height: number;
  /** The token from the frame's URL fragment ('' until its parent gave it one). */
  token: string;
}

export const isResizeMessage = (data: unknown): data is EmbedResizeMessage =>
  typeof data === 'object' &&
  data !== null &&
  (data as EmbedResizeMessage).type === EMBED_RESIZE &&
  Number.isFinite((data as EmbedResizeMessage).height);

export const isMeasureMessage = (data: unknown): boolean =>
  typeof data === 'object' && data !== null && (data as { type?: unknown }).type === EMBED_MEASURE;

/** The token in a frame's URL fragment (`location.hash`), or ''. */
export const readEmbedToken = (hash: string): string => new URLSearchParams(hash.replace(/^#/, '')).get(EMBED_TOKEN) ?? '';

/** `url` with `token` as its fragment. */
export function withEmbedToken(url: string, token: string): string {
  const address = new URL(url);
  address.hash = `${EMBED_TOKEN}=${token}`;
  return address.href;
}
