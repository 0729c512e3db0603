import { chunkUrls } from 'virtual:chunk-urls';
import { index, loaders } from 'virtual:snippet-library';
import { createLazyModule } from '../core/create-lazy-module.ts';
import { pickLanguage, grammarOf } from '../core/languages.ts';
import { LOG_PREFIX } from '../core/log-prefix.ts';
import { runStep } from '../core/run-step.ts';
import { plainValues } from '../core/plain-values.ts';
import { readDataset } from '../core/resolve-values.ts';
import type { SnippetEventHandler, SnippetEventType } from '../core/services.ts';
import type { SnippetValues } from '../core/types.ts';
import { createPageHighlighter } from '../highlight/create-page-highlighter.ts';
import type { TemplateRenderer } from '../pipeline/create-handlebars-renderer.ts';
import { createSnippetLibrary } from '../pipeline/create-snippet-library.ts';
import { afterPaint } from './after-paint.ts';
import { createMountPoints, prerenderedRoot } from './create-mount-points.ts';
import { createPreloader } from './create-preloader.ts';
import { createScheduler } from './create-scheduler.ts';
import { createSnippetHost, type HostContext, type SnippetHost } from './create-snippet-host.ts';
import { createWidgetServices } from './create-widget-services.ts';
import type { LiveRoot } from './live-root.tsx';
import { observePageTheme } from './page-theme.ts';

export const SNIPPET_SELECTOR = 'snippet[data-name], aiml-snippet[data-name]';

export interface SnippetsOptions {
  /** The document to serve; defaults to the current one. */
  document?: Document;
  /** Watch the page for snippets added, changed and removed later (default true). */
  observe?: boolean;
  /** Highlight and go live only near the viewport (default: when IntersectionObserver exists). */
  lazy?: boolean;
  /** The nonce for the widget's `<link rel="modulepreload">` elements, under a nonce-based CSP. */
  nonce?: string;
  /** When a snippet still waiting for its parts says it is loading, and when it gives up (default 2.5 s and 12 s). */
  timing?: Partial<HostContext['timing']>;
}

/** The handle of a running widget. */
export interface SnippetsHandle {
  /** Scans `root` (default: the document) for new snippets now, and retries those in it that failed to load. */
  refresh(root?: ParentNode): void;
  /** Page-wide variable values, between config defaults and each element's `data-*`. */
  setPayload(values: SnippetValues): void;
  on<T extends SnippetEventType>(type: T, handler: SnippetEventHandler<T>): () => void;
  /** Starts serving one element now (custom elements call this when connected). */
  track(element: HTMLElement): void;
  /** Stops serving one element and takes its viewer out. */
  untrack(element: HTMLElement): void;
  /** Takes every viewer out and stops observing the page. */
  destroy(): void;
}

// Attributes whose change is the widget's own doing, or handled elsewhere (data-name).
const IGNORED_ATTRIBUTES = new Set(['data-state']);
// Near: within half a screen of the viewport, where snippets get colours and the live viewer.
const NEAR_MARGIN = '50% 0px 50% 0px';
// A snippet that has stayed away this long gives them back (a reader scrolling to and fro keeps them).
const RELEASE_AFTER_MS = 5000;
// Snippets on a page above which start-up waits for the page's first layout (see below).
const LONG_PAGE = 50;
// A chunk is a few kilobytes: after 2.5 s the reader hears it is coming; after 12 s the
// network has let it down, and a Retry (with a fresh URL) does better than waiting on.
const TIMING = { slowMs: 2500, timeoutMs: 12_000 };

/** Finds snippet elements, serves each (see create-snippet-host.ts), and follows the page. */
export function createSnippets(options: SnippetsOptions = {}): SnippetsHandle {
  const doc = options.document ?? document;
  const win = doc.defaultView ?? window;
  const preload = createPreloader(doc, options.nonce);
  const importUrl = <T,>(url: string) => import(/* @vite-ignore */ url) as Promise<T>;
  const lazy = <T,>(load: () => Promise<T>, files: readonly string[] | undefined) =>
    createLazyModule(load, { urls: files, preload, importUrl: (address: string) => importUrl<T>(address) });
  const library = createSnippetLibrary({ index, loaders, urls: chunkUrls?.snippets, preload, importUrl });
  const found = [...doc.querySelectorAll<HTMLElement>(SNIPPET_SELECTOR)];
  // The chunks of the snippets already in the page are fetched before anything else runs:
  // they are what the first paint waits for. A snippet rendered ahead of time needs none.
  const toRender = found.filter((element) => !prerenderedRoot(element));
  toRender.forEach((element) => library.preload(element.dataset.name ?? ''));

  const rendererModule = lazy(() => import('../pipeline/create-handlebars-renderer.ts'), chunkUrls?.renderer);
  if (toRender.length) rendererModule.preload();
  let renderer: Promise<TemplateRenderer> | null = null;
  let rendererArrived = false;
  const getRenderer = () => {
    renderer ??= rendererModule.get().then(
      (module) => {
        rendererArrived = true;
        return module.createHandlebarsRenderer();
      },
      (error: unknown) => {
        renderer = null;
        throw error;
      },
    );
    return renderer;
  };

  // The renderer runs as soon as it arrives, not when the first snippet's chunk has: its
  // evaluation then overlaps the wait for the templates.
  if (toRender.length) void getRenderer().catch(() => undefined);
  const services = createWidgetServices(win);
  const highlighter = createPageHighlighter({ urls: chunkUrls, preload, importUrl, afterPaint });
  const scheduler = createScheduler();
  const liveModule = lazy(() => import('./live-root.tsx'), chunkUrls?.viewer);
  let liveRoot: Promise<LiveRoot | null> | null = null;
  let liveFailed = false;
  let destroyed = false;

  const mountPoints = createMountPoints();
  const context: HostContext = {
    services,
    library,
    renderer: getRenderer,
    highlighter,
    mountPoints,
    scheduler,
    timing: { ...TIMING, ...options.timing },
    abandon(name) {
      library.abandon(name);
      if (rendererArrived) return;
      rendererModule.abandon();
      renderer = null;
    },
    live() {
      // Failed, it stays failed (one console line, no retry on every click) until the network
      // is back or the page calls refresh(): the first paint's controls work meanwhile.
      liveRoot ??= liveModule.get().then(
        ({ createLiveRoot }) => (destroyed ? null : createLiveRoot(doc)),
        (error: unknown) => {
          console.error(`${LOG_PREFIX} could not load the viewer; the code and its controls work without it (check the network and the bundle's URL)`, error);
          liveFailed = true;
          return null;
        },
      );
      return liveRoot;
    },
  };

  const tracked = new Map<HTMLElement, SnippetHost>();

  const near = new Set<HTMLElement>();
  const releases = new Map<HTMLElement, ReturnType<typeof setTimeout>>();
  const setNear = (elements: HTMLElement[], isNear: boolean) => {
    for (const element of elements) {
      clearTimeout(releases.get(element));
      releases.delete(element);
      const host = tracked.get(element);
      if (!host) continue;
      if (isNear) {
        near.add(element);
        host.setNear(true);
      } else if (near.has(element)) {
        releases.set(
          element,
          setTimeout(() => {
            releases.delete(element);
            near.delete(element);
            host.setNear(false);
          }, RELEASE_AFTER_MS),
        );
      }
    }
  };

  // Each observer fails alone (a page's broken polyfill, a hardened page): the snippets are
  // still served, without what that observer gave, and the console says which.
  const nearObserver =
    options.lazy !== false && typeof win.IntersectionObserver === 'function'
      ? (runStep('watch which snippets are near the viewport (IntersectionObserver); every snippet is served at once', () =>
          new win.IntersectionObserver(
            (records) => {
              setNear(records.filter((record) => record.isIntersecting).map((record) => record.target as HTMLElement), true);
              setNear(records.filter((record) => !record.isIntersecting).map((record) => record.target as HTMLElement), false);
            },
            { rootMargin: NEAR_MARGIN },
          ),
        ) ?? null)
      : null;

  const onAttributes = (records: MutationRecord[]) => {
    for (const record of records) {
      const element = record.target as HTMLElement;
      if (!record.attributeName || IGNORED_ATTRIBUTES.has(record.attributeName)) continue;
      if (record.attributeName === 'data-theme') tracked.get(element)?.updateTheme();
      else tracked.get(element)?.refresh();
    }
  };

  const track = (element: HTMLElement) => {
    if (tracked.has(element) || !element.isConnected) return;
    const host = createSnippetHost(element, context);
    tracked.set(element, host);
    const name = element.dataset.name ?? '';
    if (!prerenderedRoot(element)) {
      library.preload(name);
      rendererModule.preload();
    }
    // Values the build's tokens will likely not fit: Shiki and the first tab's grammar are
    // fetched alongside the templates (they run only once the plain code is on screen).
    if (!plainValues(services.pageValues.get(), readDataset(element.dataset))) {
      const entry = library.entry(name);
      const grammar = entry && grammarOf(pickLanguage(entry.languages, services.preferences.get().lang, null));
      if (grammar) highlighter.preload(grammar);
    }
    watching?.attributes.observe(element, { attributes: true });
    if (nearObserver) {
      nearObserver.observe(element);
      // Every snippet's code goes into the page soon, in view or not (find-in-page, print,
      // readers that do not scroll), a slice at a time; those in view come first.
      scheduler.run(() => host.show(), false);
    } else host.setNear(true);
  };

  const untrack = (element: HTMLElement) => {
    const host = tracked.get(element);
    if (!host) return;
    tracked.delete(element);
    nearObserver?.unobserve(element);
    clearTimeout(releases.get(element));
    releases.delete(element);
    near.delete(element);
    host.destroy();
  };

  /** What failed to load page-wide (the live viewer) is tried again by whoever needs it next. */
  const retryShared = () => {
    if (!liveFailed) return;
    liveFailed = false;
    liveRoot = null;
  };

  /** The snippet elements in `scope`, itself included. */
  const snippetsIn = (scope: ParentNode): HTMLElement[] => {
    const scopeWindow = (scope as Node).ownerDocument?.defaultView ?? win;
    const own = scope instanceof scopeWindow.HTMLElement && scope.matches(SNIPPET_SELECTOR) ? [scope] : [];
    return [...own, ...scope.querySelectorAll<HTMLElement>(SNIPPET_SELECTOR)];
  };

  // The page's refresh(): new elements are served, and those already served retry what failed.
  const refresh = (scope: ParentNode = doc) => {
    retryShared();
    for (const element of snippetsIn(scope)) {
      const host = tracked.get(element);
      if (host) host.recover();
      else track(element);
    }
  };

  const sweep = () => {
    for (const element of [...tracked.keys()]) if (!element.isConnected) untrack(element);
  };

  /** Snippets added, given a name or removed later: single-page sites swap content freely. */
  const followPage = () => {
    const observer = new MutationObserver((records) => {
      let removed = false;
      for (const record of records) {
        if (record.type === 'attributes') {
          // `data-name` added to an element that had none.
          const target = record.target as HTMLElement;
          if (target.matches(SNIPPET_SELECTOR)) track(target);
          continue;
        }
        // A viewer's root replaced far off-screen (see MountPoints.replace) removes no snippet.
        record.removedNodes.forEach((node) => {
          if (!mountPoints.owns(node)) removed = true;
        });
        record.addedNodes.forEach((node) => {
          if (node.nodeType === 1 && !mountPoints.owns(node)) snippetsIn(node as Element).forEach(track);
        });
      }
      if (removed) sweep();
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-name'] });
    return observer;
  };
  const watching = runStep('follow the page (MutationObserver); snippets added or changed later show after Snippets.refresh() only', () => ({
    attributes: new MutationObserver(onAttributes),
    page: options.observe === false ? null : followPage(),
    stopTheme: observePageTheme(doc, () => tracked.forEach((host) => host.updateTheme())),
  }));
  // Printing: every snippet's code on paper, even those the slices have not reached yet.
  const beforePrint = () => scheduler.flush();
  win.addEventListener('beforeprint', beforePrint);
  // The network is back: whatever failed to load is tried again.
  const online = () => {
    retryShared();
    tracked.forEach((host) => host.recover());
  };
  win.addEventListener('online', online);
  const stopValues = services.pageValues.subscribe(() => tracked.forEach((host) => host.refresh()));

  // The snippets in view are served first, in the very frame the page is first laid out: a
  // ResizeObserver hears of that layout before the frame is painted, so their boxes are read
  // without forcing a layout of their own (on a long page, tens of milliseconds). The rest are
  // taken on a slice at a time: a page of a thousand snippets never stalls on them.
  const start = () => {
    if (destroyed) return;
    const inView = nearObserver ? elementsInView(found, win) : found;
    inView.forEach(track);
    // Snippets in view go live as soon as their first paint is up: the viewer's chunk is
    // fetched meanwhile, after their own chunks.
    if (inView.length) liveModule.preload();
    if (nearObserver) setNear(inView, true);
    let restStarted = false;
    const rest = () => {
      if (restStarted || destroyed) return;
      restStarted = true;
      for (const element of found) if (!tracked.has(element)) scheduler.run(() => track(element), false);
    };
    // The rest wait until those in view could draw (the renderer is in, and a frame painted)
    // or a second has gone by: their slices would otherwise compete with the first paint and
    // the live viewer for the main thread.
    if (!inView.length || inView.length === found.length) rest();
    else if (toRender.length) {
      setTimeout(rest, 1000);
      getRenderer().then(() => afterPaint(rest), rest);
    } else afterPaint(rest);
  };
  const waitForLayout = () => {
    const layout = new win.ResizeObserver(() => {
      layout.disconnect();
      start();
    });
    layout.observe(doc.documentElement);
    return true;
  };
  // On a short page that layout is cheap and a frame is worth saving: serve at once.
  const waiting =
    nearObserver && typeof win.ResizeObserver === 'function' && found.length > LONG_PAGE && runStep("wait for the page's first layout (ResizeObserver)", waitForLayout);
  if (!waiting) start();

  return {
    refresh,
    setPayload: (values) => services.pageValues.set(values),
    on: services.on,
    track,
    untrack,
    destroy() {
      destroyed = true;
      watching?.page?.disconnect();
      watching?.attributes.disconnect();
      nearObserver?.disconnect();
      releases.forEach((timer) => clearTimeout(timer));
      watching?.stopTheme();
      stopValues();
      win.removeEventListener('beforeprint', beforePrint);
      win.removeEventListener('online', online);
      scheduler.destroy();
      [...tracked.keys()].forEach(untrack);
      void liveRoot?.then((root) => root?.destroy());
      liveRoot = null;
    },
  };
}

/**
 * The laid-out elements within half a screen of the viewport (the observer's margin), in
 * document order, reading boxes only until they pass below it: one layout, a few reads.
 */
function elementsInView(elements: readonly HTMLElement[], win: Window): HTMLElement[] {
  const margin = win.innerHeight / 2;
  const near: HTMLElement[] = [];
  let below = 0;
  for (const element of elements) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.bottom >= -margin && box.top <= win.innerHeight + margin) near.push(element);
    // Document order is (nearly always) top to bottom: a few elements past the fold end it.
    else if (box.top > win.innerHeight + margin && ++below > 3) break;
  }
  return near;
}
