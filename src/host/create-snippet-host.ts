import { COLLAPSED_LINES } from '../core/count-lines.ts';
import { pickLanguage } from '../core/languages.ts';
import { readDataset } from '../core/resolve-values.ts';
import type { WidgetServices } from '../core/services.ts';
import { SnippetError } from '../core/snippet-error.ts';
import type { PreparedSnippet } from '../core/types.ts';
import type { PageHighlighter } from '../highlight/create-page-highlighter.ts';
import type { SnippetLibrary } from '../pipeline/create-snippet-library.ts';
import { createSnippetSession } from '../pipeline/create-snippet-session.ts';
import type { PrepareDeps } from '../pipeline/prepare-snippet.ts';
import { createViewer, type Viewer } from '../view/create-viewer.ts';
import { paintViewer } from '../view/paint-viewer.ts';
import { renderDom } from '../view/render-dom.ts';
import { activeFile, loadingTree, noticeTree } from '../view/viewer-tree.ts';
import { readStaticViewer } from '../view/read-static-viewer.ts';
import { prerenderedRoot, type MountPoints } from './create-mount-points.ts';
import type { Scheduler } from './create-scheduler.ts';
import type { LiveRoot } from './live-root.tsx';
import { resolveTheme } from './page-theme.ts';

/** `data-state` of a snippet element: tests, CSS and the benchmark read it. */
export type SnippetState = 'idle' | 'loading' | 'plain' | 'ready' | 'error';

/** What every snippet of one widget shares. */
export interface HostContext extends PrepareDeps {
  services: WidgetServices;
  library: SnippetLibrary;
  highlighter: PageHighlighter;
  mountPoints: MountPoints;
  scheduler: Scheduler;
  /** The live viewer's root, loaded on first use; null if it could not load. */
  live(): Promise<LiveRoot | null>;
  /** Gives up waiting on the parts of `name` still on their way: the next try asks again, under fresh URLs. */
  abandon(name: string): void;
  /** After `slowMs` without its parts a snippet says it is loading; after `timeoutMs` it gives up, with a Retry. */
  timing: { slowMs: number; timeoutMs: number };
}

/** One snippet element, served from the moment it is found until it leaves the page. */
export interface SnippetHost {
  /** Puts the snippet's code in the page (its room is kept meanwhile; slow, it says it is loading). */
  show(): void;
  /** Near the viewport: colours and the live viewer. Far off: the plain first paint, cheap to keep. */
  setNear(near: boolean): void;
  /** Its name or values changed, or the reader asked to retry: prepare it again. */
  refresh(): void;
  /** The network may be back: what failed to load (the snippet, its colours, the live viewer) is tried again. */
  recover(): void;
  /** The page's or the element's theme switch changed. */
  updateTheme(): void;
  destroy(): void;
}

/**
 * The one owner of an element's `data-state` and shadow root: it runs the snippet's session
 * (the pipeline) and shows its result with the first-paint DOM, handing over to the live
 * viewer (React) near the viewport and taking it back far from it.
 */
export function createSnippetHost(element: HTMLElement, context: HostContext): SnippetHost {
  const { services } = context;
  let mount: { host: HTMLDivElement; root: ShadowRoot } | null = null;
  let near = false;
  let shown = false;
  let destroyed = false;
  let theme = resolveTheme(element);
  let viewer: Viewer | null = null;
  let stopPaint: (() => void) | null = null;
  let stopViewer: (() => void) | null = null;
  let live: LiveRoot | null = null;
  let goingLive = false;
  let placeholder: Element | null = null;
  let clock: ReturnType<typeof setTimeout>[] = [];

  const setState = (state: SnippetState) => {
    if (element.getAttribute('data-state') !== state) element.setAttribute('data-state', state);
  };

  const name = () => element.dataset.name ?? '';

  const session = createSnippetSession({
    library: context.library,
    renderer: context.renderer,
    highlighter: context.highlighter,
    // Snippets in view render at once, coloured; the others when the page has a moment, plain.
    schedule: (job) => context.scheduler.run(job, near),
    colourFirst: (snippet) => (near ? (viewer?.getSnapshot().lang ?? pickLanguage(snippet.files.map((file) => file.lang), services.preferences.get().lang, null)) : null),
    onWarning: (message) => services.warn(element, message),
    onError: (error) => services.report(element, error),
  });

  /** A notice or the loading status: what shows in place of a viewer. */
  const place = (node: Element | null) => {
    placeholder?.remove();
    placeholder = node;
    if (node) mount!.root.append(node);
  };

  // Its own clock: a snippet whose parts are slow says so, then gives up with a Retry; it
  // waits on nobody else's, and nobody waits on it. Time spent waiting for its turn to render
  // (far down a long page) is not waiting on the network: it does not count.
  const waiting = () => {
    const state = session.getState();
    return state.status === 'loading' && !state.fetched;
  };
  const stopClock = () => {
    clock.forEach(clearTimeout);
    clock = [];
  };
  const startClock = () => {
    stopClock();
    const { slowMs, timeoutMs } = context.timing;
    clock = [
      setTimeout(() => {
        if (waiting()) place(renderDom(element.ownerDocument, loadingTree(context.library.entry(name())?.title ?? name(), theme)));
      }, slowMs),
      setTimeout(() => {
        if (!waiting()) return;
        context.abandon(name());
        session.expire(
          new SnippetError('load-failed', name(), `The code sample "${name()}" did not arrive within ${timeoutMs / 1000} s: the network is slow or down. Retry, or reload the page.`),
        );
      }, timeoutMs),
    ];
  };

  const retry = (event: Event) => {
    // Not `instanceof Element`: a snippet in a same-origin iframe has the frame's Element.
    const target = (event.target as Node | null)?.nodeType === 1 ? (event.target as Element) : null;
    if (target?.closest('[data-action="retry"]')) host.refresh();
  };

  const ensureMount = () => {
    if (mount) return mount;
    mount = context.mountPoints.create(element);
    mount.root.addEventListener('click', retry);
    return mount;
  };

  const unmountLive = () => {
    if (!live || !mount) return;
    live.unmount(mount.root);
    live = null;
  };

  const dropViewer = () => {
    unmountLive();
    stopPaint?.();
    stopPaint = null;
    stopViewer?.();
    stopViewer = null;
    viewer?.destroy();
    viewer = null;
  };

  const goLive = () => {
    if (live || goingLive || !viewer) return;
    goingLive = true;
    void context.live().then((root) => {
      goingLive = false;
      if (!root || !near || !viewer || destroyed || live) return;
      const { root: container } = ensureMount();
      const mountedViewer = viewer;
      root.mount({
        container,
        viewer,
        name: name(),
        theme,
        onError: (error: SnippetError) => services.report(element, error),
        onMounted: () => {
          if (viewer !== mountedViewer) return;
          live = root;
          stopPaint?.();
          stopPaint = null;
          settle();
        },
      });
    });
  };

  /** After every change: colours for the tab in view, the live viewer near the viewport, and the state. */
  const settle = () => {
    if (!viewer) return;
    const model = viewer.getSnapshot();
    const file = activeFile(model.snippet, model.lang);
    if (near && file.highlight === 'pending') {
      session.highlight(file.lang);
      // The build's tokens fit: the viewer has its colours already, and settled again with them.
      if (!viewer || viewer.getSnapshot() !== model) return;
    }
    setState(live && file.highlight !== 'pending' ? 'ready' : 'plain');
    if (near) goLive();
  };

  const sync = () => {
    if (destroyed) return;
    const state = session.getState();
    if (state.status === 'loading') return;
    stopClock();
    const { root } = ensureMount();
    if (state.status === 'error') {
      dropViewer();
      place(renderDom(element.ownerDocument, noticeTree(state.error, theme, state.error.code === 'load-failed')));
      setState('error');
      return;
    }
    // The status or notice goes first: the viewer's first paint is then the only thing in the root.
    place(null);
    // Another name is another snippet: a viewer of its own, with fresh state.
    if (viewer && viewer.getSnapshot().snippet.name !== state.snippet.name) dropViewer();
    if (viewer) viewer.update({ snippet: state.snippet });
    else startViewer(root, state.snippet, near);
    settle();
  };

  /** A viewer of `snippet`, drawn into `root` by the first paint (over `from`: markup rendered ahead of time). */
  const startViewer = (root: ShadowRoot, snippet: PreparedSnippet, showTokens: boolean, ahead: { lang: string; from: Element } | null = null) => {
    viewer = createViewer({
      snippet,
      lang: ahead?.lang,
      theme,
      showTokens,
      preferences: services.preferences,
      onCopy: (language) => services.emit(element, { type: 'copy', name: name(), language }),
      onRendered: (rendered: PreparedSnippet) =>
        services.emit(element, { type: 'render', name: rendered.name, languages: rendered.files.map((file) => file.lang) }),
    });
    stopViewer = viewer.subscribe(settle);
    stopPaint = paintViewer(root, viewer, ahead?.from);
  };
  const stopSession = session.subscribe(sync);

  // The room a viewer will take, from what the entry knows of the snippet: the lines of the tab
  // it will show (bundle.css turns them into a height), so that nothing moves when it appears.
  const reserveRoom = () => {
    const entry = context.library.entry(name());
    const lines = entry?.lines[entry.languages.indexOf(pickLanguage(entry.languages, services.preferences.get().lang, null))];
    if (lines) {
      element.style.setProperty('--snippet-lines', String(Math.min(lines, COLLAPSED_LINES)));
      element.style.setProperty('--snippet-pads', lines > COLLAPSED_LINES ? '3' : '4');
    } else {
      element.style.removeProperty('--snippet-lines');
      element.style.removeProperty('--snippet-pads');
    }
  };
  reserveRoom();

  /**
   * A viewer rendered ahead of time (a page built with the Node API, the CLI or the rehype
   * plugin) is taken over in place: its markup says what it shows, so the first view needs no
   * fetch, and it turns into the live viewer without moving. Values the page set since (a
   * page-wide setPayload) render it again as usual.
   */
  const adopt = (): boolean => {
    const staticViewer = prerenderedRoot(element)?.querySelector('.viewer[data-static]');
    const found = staticViewer && readStaticViewer(staticViewer, name());
    if (!staticViewer || !found) return false;
    startViewer(ensureMount().root, found.snippet, true, { lang: found.lang, from: staticViewer });
    shown = true;
    settle();
    if (Object.keys(services.pageValues.get()).length) host.refresh();
    return true;
  };

  const host: SnippetHost = {
    show() {
      if (shown || destroyed) return;
      shown = true;
      ensureMount();
      setState('loading');
      host.refresh();
    },
    setNear(value) {
      if (destroyed || near === value) return;
      near = value;
      if (near) {
        host.show();
        viewer?.update({ showTokens: true });
        return;
      }
      // Far off: the live viewer and the colours give way to the plain first paint, which
      // keeps the code in the page (find-in-page, print) at a fraction of the cost, in a fresh
      // root (see MountPoints.replace: the old one would stay alive with all it held).
      if (!viewer || !mount) return;
      unmountLive();
      stopPaint?.();
      viewer.update({ showTokens: false });
      mount.root.removeEventListener('click', retry);
      mount = context.mountPoints.replace(mount.host);
      mount.root.addEventListener('click', retry);
      stopPaint = paintViewer(mount.root, viewer);
    },
    refresh() {
      if (!shown || destroyed) return;
      if (session.getState().status === 'error') {
        place(null);
        reserveRoom();
        setState('loading');
      }
      session.prepare({
        name: name(),
        layers: [
          { source: 'setPayload', values: services.pageValues.get() },
          { source: 'attribute', values: readDataset(element.dataset) },
        ],
      });
      if (waiting()) startClock();
    },
    recover() {
      const { error } = session.getState();
      if (error?.code === 'load-failed') host.refresh();
      else if (!error) {
        session.retryColours();
        settle();
      }
    },
    updateTheme() {
      const next = resolveTheme(element);
      if (next === theme) return;
      theme = next;
      viewer?.update({ theme });
      if (session.getState().status === 'error') sync();
    },
    destroy() {
      destroyed = true;
      stopClock();
      session.cancel();
      stopSession();
      dropViewer();
      mount?.root.removeEventListener('click', retry);
      mount?.host.remove();
      mount = null;
      element.removeAttribute('data-state');
      element.style.removeProperty('--snippet-lines');
      element.style.removeProperty('--snippet-pads');
    },
  };

  // Taken over at once when rendered ahead of time (it never waits, idle, for its turn).
  if (!adopt()) setState('idle');
  return host;
}
