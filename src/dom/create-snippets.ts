import { LOG_PREFIX } from '../core/log-prefix';
import { readDataset } from '../core/resolve-values';
import type { SnippetValues } from '../core/types';
import { loadSnippet } from '../library/load-snippet';
import { observePageTheme, resolveTheme } from '../state/page-theme';
import { createWidgetServices, type SnippetEventHandler, type SnippetEventType } from './create-services';
import { createMountPoint } from './mount-point';
import { previewSnippet } from './preview-snippet';
import { createSnippetRegistry, type MountedSnippet } from './snippet-registry';

export const SNIPPET_SELECTOR = 'snippet[data-name], aiml-snippet[data-name]';
export type { SnippetEventHandler, SnippetEventType };

export interface SnippetsOptions {
  /** The document to serve; defaults to the current one. */
  document?: Document;
  /** Watch the page for snippets added, changed and removed later (default true). */
  observe?: boolean;
  /** Mount viewers only as they come near the viewport (default: when IntersectionObserver exists). */
  lazy?: boolean;
}

/** The handle of a running widget. */
export interface SnippetsHandle {
  /** Scans `root` (default: the document) for new snippets now. */
  refresh(root?: ParentNode): void;
  /** Page-wide variable values, between config defaults and each element's `data-*`. */
  setPayload(values: SnippetValues): void;
  on<T extends SnippetEventType>(type: T, handler: SnippetEventHandler<T>): () => void;
  /** Starts serving one element now (custom elements call this when connected). */
  track(element: HTMLElement): void;
  /** Stops serving one element and unmounts its viewer. */
  untrack(element: HTMLElement): void;
  /** Unmounts every viewer and stops observing the page. */
  destroy(): void;
}

interface Tracked {
  key: number;
  host: HTMLDivElement | null;
}

const IGNORED_ATTRIBUTES = new Set(['data-state']);

/** Finds snippet elements, mounts a viewer in each as it nears the viewport, and follows the page. */
export function createSnippets(options: SnippetsOptions = {}): SnippetsHandle {
  const doc = options.document ?? document;
  const win = doc.defaultView ?? window;
  const tracked = new Map<HTMLElement, Tracked>();
  const registry = createSnippetRegistry();
  let nextKey = 1;
  let root: Promise<{ unmount(): void } | null> | null = null;
  let destroyed = false;

  // The templates of the snippets already in the page start loading before anything else
  // runs (the services read storage, the first layout): their chunks are what the first paint waits for.
  doc.querySelectorAll<HTMLElement>(SNIPPET_SELECTOR).forEach((element) => loadSnippet(element.dataset.name ?? '').catch(() => undefined));
  const services = createWidgetServices(win);

  // The viewer (React) is a chunk of its own, fetched once the snippets in view show their
  // code, highlighted (previewSnippet): what the reader reads first loads and runs first, and
  // the controls follow a moment later.
  const ensureRoot = () => {
    root ??= import('../ui/render-app').then(
      ({ renderApp }) => (destroyed ? null : renderApp(doc, registry, services)),
      (error: unknown) => {
        console.error(`${LOG_PREFIX} could not load the viewer (check the network and the bundle's URL)`, error);
        root = null;
        return null;
      },
    );
  };

  const describe = (element: HTMLElement): Omit<MountedSnippet, 'key' | 'element' | 'container'> => ({
    name: element.dataset.name ?? '',
    values: readDataset(element.dataset),
    theme: resolveTheme(element),
  });

  const mount = (elements: HTMLElement[]) => {
    const added: MountedSnippet[] = [];
    for (const element of elements) {
      const entry = tracked.get(element);
      if (!entry || entry.host || !element.isConnected) continue;
      const { host, root: container } = createMountPoint(element);
      entry.host = host;
      added.push({ key: entry.key, element, container, ...describe(element) });
    }
    if (!added.length) return;
    void Promise.all(added.map(({ element, container }) => previewSnippet(element, container, services))).then(ensureRoot);
    registry.add(added);
  };

  const intersection =
    options.lazy !== false && typeof win.IntersectionObserver === 'function'
      ? new win.IntersectionObserver(
          (records) => {
            const near = records.filter((record) => record.isIntersecting).map((record) => record.target as HTMLElement);
            near.forEach((element) => intersection?.unobserve(element));
            mount(near);
          },
          // Half a screen ahead: viewers are ready by the time the reader scrolls to them.
          { rootMargin: '50% 0px 50% 0px' },
        )
      : null;

  const attributes = new MutationObserver((records) => {
    for (const record of records) {
      const element = record.target as HTMLElement;
      if (!record.attributeName || IGNORED_ATTRIBUTES.has(record.attributeName) || !tracked.has(element)) continue;
      registry.update(element, describe(element));
    }
  });

  const track = (element: HTMLElement) => {
    if (tracked.has(element) || !element.isConnected) return;
    tracked.set(element, { key: nextKey++, host: null });
    element.setAttribute('data-state', 'idle');
    // Templates load as soon as the element is found, even off-screen (once per name: they are
    // small), so the code paints as soon as the element comes near the viewport. A bad name is
    // reported by the viewer.
    loadSnippet(element.dataset.name ?? '').catch(() => undefined);
    attributes.observe(element, { attributes: true });
    if (intersection) intersection.observe(element);
    else mount([element]);
  };

  const untrack = (element: HTMLElement) => {
    const entry = tracked.get(element);
    if (!entry) return;
    tracked.delete(element);
    intersection?.unobserve(element);
    registry.remove([element]);
    entry.host?.remove();
    element.removeAttribute('data-state');
  };

  const refresh = (scope: ParentNode = doc) => {
    if (scope instanceof win.HTMLElement && scope.matches(SNIPPET_SELECTOR)) track(scope);
    scope.querySelectorAll<HTMLElement>(SNIPPET_SELECTOR).forEach(track);
  };

  const sweep = () => {
    for (const element of [...tracked.keys()]) if (!element.isConnected) untrack(element);
  };

  const page =
    options.observe === false
      ? null
      : new MutationObserver((records) => {
          let removed = false;
          for (const record of records) {
            if (record.type === 'attributes') {
              // `data-name` added to an element that had none.
              const target = record.target as HTMLElement;
              if (target.matches(SNIPPET_SELECTOR)) track(target);
              continue;
            }
            if (record.removedNodes.length) removed = true;
            record.addedNodes.forEach((node) => {
              if (node.nodeType === 1 && !(node as Element).hasAttribute('data-snippet-root')) refresh(node as Element);
            });
          }
          if (removed) sweep();
        });
  page?.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-name'] });

  const stopTheme = observePageTheme(doc, () => {
    for (const entry of registry.list()) registry.update(entry.element, { theme: resolveTheme(entry.element) });
  });

  refresh();
  // Snippets already in view at start-up mount now, not one frame later when the
  // IntersectionObserver first reports: that frame is time a reader stares at an empty box.
  if (intersection) mount([...tracked.keys()].filter((element) => nearViewport(element, win)));

  return {
    refresh,
    setPayload: (values) => services.pageValues.set(values),
    on: services.on,
    track,
    untrack,
    destroy() {
      page?.disconnect();
      attributes.disconnect();
      intersection?.disconnect();
      stopTheme();
      [...tracked.keys()].forEach(untrack);
      destroyed = true;
      void root?.then((mounted) => mounted?.unmount());
      root = null;
      services.destroy();
    },
  };
}

/** True for a laid-out element within half a screen of the viewport (the observer's margin). */
function nearViewport(element: HTMLElement, win: Window): boolean {
  const box = element.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) return false;
  const margin = win.innerHeight / 2;
  return box.bottom >= -margin && box.top <= win.innerHeight + margin;
}
