// The live viewer's chunk (React): fetched once the code in view is on screen.
import { memo, useLayoutEffect, useSyncExternalStore } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { LOG_PREFIX } from '../core/log-prefix.ts';
import type { SnippetError } from '../core/snippet-error.ts';
import type { Theme } from '../core/types.ts';
import type { Viewer } from '../view/create-viewer.ts';
import { LiveViewer } from '../view/LiveViewer.tsx';
import { SnippetBoundary } from '../view/SnippetBoundary.tsx';

/** A snippet the live viewer draws: its viewer, and where. */
export interface LiveEntry {
  container: ShadowRoot;
  viewer: Viewer;
  name: string;
  theme: Theme;
  /** Called in the commit that puts the live viewer on screen, before the browser paints it. */
  onMounted(): void;
  onError(error: SnippetError): void;
}

/** The widget's one React root, with a portal into each live snippet's shadow root. */
export interface LiveRoot {
  mount(entry: LiveEntry): void;
  /** Takes the live viewer out of `container` now (the caller paints the first-paint DOM back). */
  unmount(container: ShadowRoot): void;
  destroy(): void;
}

// Memoized: a snippet going live or leaving re-renders the list, and every other live viewer
// (tens of them, after a fast scroll) would otherwise render and commit its whole tree again.
const Live = memo(function Live({ entry }: { entry: LiveEntry }) {
  // The first paint gives way in the very commit the live viewer appears in: nothing flickers.
  useLayoutEffect(() => entry.onMounted(), [entry]);
  return (
    <SnippetBoundary name={entry.name} theme={entry.theme} onError={entry.onError}>
      <LiveViewer viewer={entry.viewer} />
    </SnippetBoundary>
  );
});

type Keyed = LiveEntry & { key: string };
type Store = { list(): readonly Keyed[]; subscribe(listener: () => void): () => void };

function App({ store }: { store: Store }) {
  const entries = useSyncExternalStore(store.subscribe, store.list, store.list);
  return entries.map((entry) => createPortal(<Live entry={entry} />, entry.container, entry.key));
}

export function createLiveRoot(doc: Document): LiveRoot {
  let entries: readonly Keyed[] = [];
  let nextKey = 0;
  const listeners = new Set<() => void>();
  const commit = (next: readonly Keyed[]) => {
    entries = next;
    listeners.forEach((listener) => listener());
  };
  const store: Store = {
    list: () => entries,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  // A detached container: React attaches its listeners to each portal's shadow root instead.
  const root = createRoot(doc.createElement('div'), {
    onUncaughtError: (error) => console.error(`${LOG_PREFIX} unexpected error`, error),
  });
  root.render(<App store={store} />);
  return {
    mount(entry) {
      commit([...entries.filter((other) => other.container !== entry.container), { ...entry, key: String(nextKey++) }]);
    },
    unmount(container) {
      if (!entries.some((entry) => entry.container === container)) return;
      flushSync(() => commit(entries.filter((entry) => entry.container !== container)));
    },
    destroy() {
      root.unmount();
    },
  };
}
