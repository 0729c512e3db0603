import { EMBED_RESIZE, isMeasureMessage, readEmbedToken, type EmbedResizeMessage } from './embed-protocol.ts';
import { LOG_PREFIX } from '../core/log-prefix.ts';

const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*$/;

/**
 * Runs on `embed.html`: turns the query string into one `<snippet>` element (the same
 * names as its `data-*` attributes: `?name=open-ai.chat-completion&base-url=…`) and
 * tells the parent page the frame's height whenever it changes.
 */
export function startEmbedPage(win: Window): () => void {
  const doc = win.document;
  const params = new URLSearchParams(win.location.search);
  const element = doc.createElement('snippet');
  element.setAttribute('data-name', params.get('name') ?? '');
  for (const [key, value] of params) {
    // `lang` is the reader's tab choice (read by the widget itself), not a variable.
    if (key === 'name' || key === 'lang') continue;
    if (!ATTRIBUTE_NAME.test(key)) {
      console.warn(`${LOG_PREFIX} embed parameter ${JSON.stringify(key)} is not a variable name; use kebab-case, e.g. base-url.`);
      continue;
    }
    element.setAttribute(`data-${key}`, value);
  }
  doc.body.append(element);

  let last = -1;
  const post = (again = false) => {
    const height = Math.ceil(doc.documentElement.getBoundingClientRect().height);
    if ((height === last && !again) || win.parent === win) return;
    last = height;
    const message: EmbedResizeMessage = { type: EMBED_RESIZE, height, token: readEmbedToken(win.location.hash) };
    // The height is not a secret, and a sandboxed frame cannot know its parent's origin.
    win.parent.postMessage(message, '*');
  };
  const observer = new ResizeObserver(() => post());
  observer.observe(doc.body);
  post();
  // A parent whose script started after this frame settled asks once; only the height is told.
  const onMessage = (event: MessageEvent) => {
    if (event.source === win.parent && isMeasureMessage(event.data)) post(true);
  };
  win.addEventListener('message', onMessage);
  // The parent gives this frame its token by changing the URL's fragment: tell it again, with it.
  const onHashChange = () => post(true);
  win.addEventListener('hashchange', onHashChange);
  return () => {
    observer.disconnect();
    win.removeEventListener('message', onMessage);
    win.removeEventListener('hashchange', onHashChange);
  };
}
