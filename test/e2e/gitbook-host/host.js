// A stand-in for GitBook's renderer of integration blocks: each block's webframe behaves as
// ElementWebframe does in GitbookIO/gitbook (packages/react-contentkit/src/ElementWebframe.tsx,
// with IntegrationBlock.tsx's security): it trusts only the integrations' content host,
// takes messages only from its own iframe's window, queues the block's state until the
// frame says `@webframe.ready`, sends the state again whenever it changes (with the page
// context GitBook adds), and sizes the iframe from `@webframe.resize`: aspect ratio, with
// the height as its maximum, never below MIN_HEIGHT.
//
// The test drives it through window.__host: mount(id, output, firstPartyDomains) with a
// ContentKit render output of the integration, setState(id, state) as the editor does when
// the block's settings change, addForger(src) for a frame that is not the block's.
const MIN_HEIGHT = 32;
const PAGE = { id: 'page-1', path: 'api/chat', title: 'Generate a chat completion' };

/** Resolves `{ $state: key }` bindings against the renderer's state (dynamic.ts). */
function resolveBinding(state, value) {
  if (value === undefined || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => resolveBinding(state, v));
  if (typeof value.$state === 'string') return state[value.$state];
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveBinding(state, v)]));
}

function findWebframe(element) {
  if (!element || typeof element !== 'object') return null;
  if (element.type === 'webframe') return element;
  for (const child of element.children ?? []) {
    const found = findWebframe(child);
    if (found) return found;
  }
  return null;
}

const log = [];
const blocks = new Map();

function mount(id, output, firstPartyDomains) {
  const element = findWebframe(output.element);
  if (!element) throw new Error(`block ${id}: the output has no webframe`);
  const container = document.createElement('div');
  container.className = 'block';
  container.id = id;
  document.getElementById('blocks').append(container);

  const target = new URL(element.source.url);
  let rendererState = output.state;
  let ready = false;
  let queue = [];
  let size = {};
  let iframe = null;
  const record = (kind, data) => log.push({ block: id, kind, data, at: performance.now() });

  const applyStyle = () => {
    const height = size.height ? Math.max(size.height, MIN_HEIGHT) : undefined;
    const aspectRatio = size.aspectRatio || element.aspectRatio || (iframe.clientWidth && height ? iframe.clientWidth / height : undefined);
    const useHeightMeasurement = !aspectRatio && height;
    iframe.style.aspectRatio = aspectRatio ? String(aspectRatio) : '';
    iframe.style.height = useHeightMeasurement ? `${height}px` : '';
    iframe.style.maxHeight = height ? `${height}px` : '';
  };

  const sendMessage = (message) => {
    if (!firstPartyDomains.includes(target.host)) return record('not first party', message);
    if (ready) {
      if (!iframe) return;
      iframe.contentWindow?.postMessage(message, `${target.protocol}//${target.host}`);
      record('sent', message);
    } else {
      queue.push(message);
      record('queued', message);
    }
  };

  const onMessage = (event) => {
    if (!iframe) return;
    const message = event.data;
    if (!URL.canParse(event.origin)) return record('ignored: origin', message);
    if (!firstPartyDomains.includes(new URL(event.origin).host)) return record('ignored: origin', message);
    const contentWindow = iframe.contentWindow;
    if (!contentWindow || event.source !== contentWindow) return record('ignored: source', message);
    record('received', message);
    if (typeof message === 'string') {
      try {
        const parsed = JSON.parse(message);
        if (parsed.context === 'iframe.resize' && typeof parsed.height === 'number') {
          size = { aspectRatio: iframe.clientWidth / parsed.height, height: parsed.height };
          applyStyle();
        }
      } catch {
        return;
      }
    }
    if (!message?.action) return;
    switch (message.action.action) {
      case '@webframe.ready':
        ready = true;
        queue.forEach(sendMessage);
        queue = [];
        break;
      case '@webframe.resize': {
        const next = message.action.size ?? {};
        size = {
          aspectRatio: next.aspectRatio !== undefined ? Number(next.aspectRatio) : size.aspectRatio,
          height: next.height !== undefined ? Number(next.height) : next.maxHeight !== undefined ? Number(next.maxHeight) : size.height,
        };
        applyStyle();
        break;
      }
      default:
        record('forwarded to the integration', message.action);
    }
  };
  window.addEventListener('message', onMessage);

  // Mounted once the listener is there, as the renderer does (so no message is missed).
  iframe = document.createElement('iframe');
  iframe.src = element.source.url;
  iframe.title = element.source.url;
  iframe.allowFullscreen = true;
  iframe.setAttribute('allow', 'clipboard-write');
  iframe.className = 'contentkit-webframe';
  container.append(iframe);
  applyStyle();

  const sendState = () => {
    const state = resolveBinding(rendererState, element.data ?? {});
    Object.assign(state, { page: PAGE });
    if (Object.keys(state).length > 0) sendMessage({ state });
  };
  sendState();

  blocks.set(id, {
    iframe,
    setState(next) {
      rendererState = next;
      sendState();
    },
  });
}

function addForger(src) {
  const frame = document.createElement('iframe');
  frame.src = src;
  frame.title = 'Another frame of the page';
  document.getElementById('forgers').append(frame);
}

window.__host = { log, mount, setState: (id, state) => blocks.get(id).setState(state), addForger };
