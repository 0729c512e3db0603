import { READY, RESIZE, readState, type FrameState, type ReadyMessage, type ResizeMessage } from './webframe-protocol.ts';

const PREFIX = '[snippets]';
const attributeName = (key: string) => `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * Runs in the block's frame: says `@webframe.ready` to GitBook, shows the snippet its
 * `{ state }` messages name (as a `<snippet>` element, which the CDN bundle renders and
 * re-renders when its attributes change), and reports the page's height and aspect ratio
 * whenever its size changes (tab switch, Wrap, "Show all", fonts, width).
 *
 * Only messages from the embedding window count: any other window or frame of the page
 * could post a state too.
 */
export function startFrame(win: Window): () => void {
  const doc = win.document;
  const host = win.parent;
  let element: HTMLElement | null = null;
  let applied: Record<string, string> = {};

  const send = (message: ReadyMessage | ResizeMessage) => {
    // Neither message is a secret, and the frame cannot know the docs site's origin (custom domains).
    if (host !== win) host.postMessage(message, '*');
  };

  const apply = ({ name, overrides }: FrameState) => {
    if (!element) {
      element = doc.createElement('snippet');
      doc.body.append(element);
    }
    const wanted: Record<string, string> = { 'data-name': name };
    for (const [key, value] of Object.entries(overrides)) wanted[attributeName(key)] = value;
    // Touch only what changed: every attribute change makes the widget render again.
    for (const attribute of Object.keys(applied)) if (!(attribute in wanted)) element.removeAttribute(attribute);
    for (const [attribute, value] of Object.entries(wanted)) if (element.getAttribute(attribute) !== value) element.setAttribute(attribute, value);
    applied = wanted;
  };

  const onMessage = (event: MessageEvent) => {
    if (host === win || event.source !== host) return;
    const state = readState(event.data, (message) => console.warn(`${PREFIX} GitBook block: ${message}`));
    if (state) apply(state);
  };

  let last = { width: 0, height: 0 };
  const report = () => {
    const root = doc.documentElement;
    const height = Math.ceil(root.getBoundingClientRect().height);
    const width = root.clientWidth;
    // Nothing to show yet: GitBook keeps its own placeholder size.
    if (height <= 0 || width <= 0 || (height === last.height && width === last.width)) return;
    last = { width, height };
    // Both: GitBook sizes the frame by aspect ratio, capped at the height, so a narrower
    // page (taller, wrapped code) needs the new ratio as much as the new height.
    send({ action: { action: RESIZE, size: { height, aspectRatio: width / height } } });
  };

  win.addEventListener('message', onMessage);
  send({ action: { action: READY } });
  const observer = new ResizeObserver(report);
  observer.observe(doc.documentElement);

  return () => {
    observer.disconnect();
    win.removeEventListener('message', onMessage);
  };
}
