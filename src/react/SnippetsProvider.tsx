import { createContext, useEffect, useLayoutEffect, useState, type ReactNode } from 'react';
import type { SnippetEvent, SnippetEventHandler } from '../core/services.ts';
import type { SnippetValues } from '../core/types.ts';
import { createSnippetsRuntime, type SnippetsRuntime } from './create-snippets-runtime.ts';

export const RuntimeContext = createContext<SnippetsRuntime | null>(null);

let pageRuntime: SnippetsRuntime | null = null;

/**
 * The runtime of snippets rendered without a provider: one for the page, so they switch
 * language together. It holds no listener of its own, so nothing leaks by keeping it.
 */
export function defaultRuntime(): SnippetsRuntime {
  pageRuntime ??= createSnippetsRuntime(window);
  return pageRuntime;
}

interface SnippetsProviderProps {
  /** Page-wide values, e.g. the signed-in reader's API key; each `<Snippet values>` overrides them. */
  values?: SnippetValues;
  /** Called for every `render`, `copy` and `error` event of the snippets inside. */
  onEvent?: (detail: SnippetEvent, element: Element) => void;
  children: ReactNode;
}

/** Shares page-wide values, the reader's language choice and events among the snippets inside. */
export function SnippetsProvider({ values, onEvent, children }: SnippetsProviderProps) {
  // Created once and never torn down: it has nothing to tear down, which keeps it correct
  // when StrictMode mounts every effect twice.
  // A server render (no window) gets none: its snippets draw their empty hosts.
  const [runtime] = useState(() => {
    if (typeof window === 'undefined') return null;
    const created = createSnippetsRuntime(window);
    if (values) created.services.pageValues.set(values);
    return created;
  });

  // A layout effect: it subscribes before the snippets' first events, which come from their passive effects.
  useLayoutEffect(() => {
    if (!onEvent || !runtime) return;
    const handler = onEvent as SnippetEventHandler;
    const stops = (['render', 'copy', 'error'] as const).map((type) => runtime.services.on(type, handler));
    return () => stops.forEach((stop) => stop());
  }, [runtime, onEvent]);

  const valuesKey = JSON.stringify(values ?? {});
  useEffect(() => {
    runtime?.services.pageValues.set(JSON.parse(valuesKey) as SnippetValues);
  }, [runtime, valuesKey]);

  return <RuntimeContext.Provider value={runtime}>{children}</RuntimeContext.Provider>;
}
