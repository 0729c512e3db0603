import { EMBED_MEASURE, isResizeMessage } from './embed-protocol.ts';

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

/** Sizes every `<iframe data-snippet-embed>` to the height its embed page reports. */
export function resizeEmbeds(win: Window): () => void {
  const onMessage = (event: MessageEvent) => {
    if (!isResizeMessage(event.data)) return;
    for (const frame of win.document.querySelectorAll<HTMLIFrameElement>(EMBED_SELECTOR)) {
      // The source check is what cannot be forged; the origin check keeps a navigated frame out.
      if (frame.contentWindow !== event.source) continue;
      if (!expectedOrigins(frame).includes(event.origin)) return;
      frame.style.height = `${Math.min(Math.max(0, Math.ceil(event.data.height)), MAX_HEIGHT)}px`;
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
