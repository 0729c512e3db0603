import { useEffect, useLayoutEffect, useState, type ReactNode } from 'react';
import type { SnippetValues } from '../core/types';
import { createWidgetServices, type SnippetEventHandler, type WidgetRuntime } from '../dom/create-services';
import { WidgetContext, type SnippetEventDetail } from '../ui/widget-context';

interface SnippetsProviderProps {
  /** Page-wide values, e.g. the signed-in reader's API key; each `<Snippet values>` overrides them. */
  values?: SnippetValues;
  /** Called for every `render`, `copy` and `error` event of the snippets inside. */
  onEvent?: (detail: SnippetEventDetail, element: Element) => void;
  children: ReactNode;
}

let shared: WidgetRuntime | null = null;

/** The services of snippets rendered without a provider: one set for the whole page. */
export function sharedServices(): WidgetRuntime {
  shared ??= createWidgetServices(window);
  return shared;
}

/** Shares page-wide values, the reader's language choice and events among the snippets inside. */
export function SnippetsProvider({ values, onEvent, children }: SnippetsProviderProps) {
  const [services] = useState(() => {
    const created = createWidgetServices(window);
    if (values) created.pageValues.set(values);
    return created;
  });

  // A layout effect: it subscribes before the snippets' first events, which come from their
  // passive effects.
  useLayoutEffect(() => {
    if (!onEvent) return;
    const handler = onEvent as SnippetEventHandler<SnippetEventDetail['type']>;
    const stops = (['render', 'copy', 'error'] as const).map((type) => services.on(type, handler));
    return () => stops.forEach((stop) => stop());
  }, [services, onEvent]);

  useEffect(() => {
    if (values && values !== services.pageValues.get()) services.pageValues.set(values);
  }, [services, values]);

  useEffect(() => () => services.destroy(), [services]);

  return <WidgetContext.Provider value={services}>{children}</WidgetContext.Provider>;
}
