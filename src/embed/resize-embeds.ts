import { EMBED_MEASURE, isResizeMessage, withEmbedToken } from './embed-protocol.ts';

export const EMBED_SELECTOR = 'iframe[data-snippet-embed]';
const MAX_HEIGHT = 20_000;

/**
 * The origin an embed frame's messages must come from: its `src` origin, or the opaque
 * origin ("null") of a frame sandboxed without `allow-same-origin`.
 */
export function expectedOrigins(frame: HTMLIFrameElement): string[] {
  const origins: string[] = [];
  try {
    origins.push(new URL(frame.src, frame.ownerDocument.baseURI).origin);
  } catch {
    // No usable src: only a sandboxed frame's opaque origin can match.
  }
  const sandbox = frame.getAttribute('sandbox');
  if (sandbox !== null && !sandbox.toLowerCase().split(/\s+/).includes('allow-same-origin')) origins.push('null');
  return origins;
}

export interface ResizeEmbedsOptions {
  /**
   * Gives a frame its token: navigates it to `url` (its `src` with the token as fragment).
   * By default `location.replace()`: no history entry, and no reload when the frame shows
   * that address already, only a `hashchange`.
   */
  navigate?(frame: HTMLIFrameElement, url: string): void;
}

/** A random token: 128 bits, as hex (getRandomValues works outside secure contexts too). */
const randomToken = (win: Window) => Array.from(win.crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');

/**
 * Sizes every `<iframe data-snippet-embed>` to the height its embed page reports. Only the
 * document this page loaded into the frame is heard: the message must come from the frame's
 * window and origin, and carry the token this page put in the frame's URL. With the sandbox
 * the README recommends the origin is "null" for any document, so the token is what keeps
 * out a document navigated into the frame later.
 */
export function resizeEmbeds(win: Window, { navigate = (frame, url) => frame.contentWindow?.location.replace(url) }: ResizeEmbedsOptions = {}): () => void {
  // Each frame's token, and the src it was given for: a new src (the page swapped the embed) gets a new one.
  const given = new WeakMap<HTMLIFrameElement, { token: string; src: string }>();
  const giveToken = (frame: HTMLIFrameElement) => {
    const token = randomToken(win);
    given.set(frame, { token, src: frame.src });
    try {
      navigate(frame, withEmbedToken(frame.src, token));
    } catch {
      // No usable src: the frame is no embed this page can size.
    }
  };

  const onMessage = (event: MessageEvent) => {
    if (!isResizeMessage(event.data)) return;
    for (const frame of win.document.querySelectorAll<HTMLIFrameElement>(EMBED_SELECTOR)) {
      // The source check is what cannot be forged; the origin check keeps a navigated frame of another origin out.
      if (frame.contentWindow !== event.source) continue;
      if (!expectedOrigins(frame).includes(event.origin)) return;
      const mine = given.get(frame);
      if (mine && mine.src === frame.src) {
        if (event.data.token === mine.token) frame.style.height = `${Math.min(Math.max(0, Math.ceil(event.data.height)), MAX_HEIGHT)}px`;
        return;
      }
      // The first word from this frame (for this src): it learns its token, then tells its height with it.
      giveToken(frame);
      return;
    }
  };
  // Frames that settled before this script ran, or that load later, are asked for their height.
  const ask = (frame: HTMLIFrameElement) => frame.contentWindow?.postMessage({ type: EMBED_MEASURE }, '*');
  const onLoad = (event: Event) => {
    const target = event.target as Element | null;
    if (target?.localName === 'iframe' && target.matches(EMBED_SELECTOR)) ask(target as HTMLIFrameElement);
  };
  win.addEventListener('message', onMessage);
  win.document.addEventListener('load', onLoad, true);
  win.document.querySelectorAll<HTMLIFrameElement>(EMBED_SELECTOR).forEach(ask);
  return () => {
    win.removeEventListener('message', onMessage);
    win.document.removeEventListener('load', onLoad, true);
  };
}
