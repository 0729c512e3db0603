import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
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
  const latestOnEvent = useRef(onEvent);
  useLayoutEffect(() => {
    latestOnEvent.current = onEvent;
  }, [onEvent]);

  const [services] = useState(() => {
    const created = createWidgetServices(window);
    if (values) created.pageValues.set(values);
    // Subscribed before the first render: the snippets' first events come from their own effects,
    // which run before this provider's.
    const forward: SnippetEventHandler<SnippetEventDetail['type']> = (detail, element) =>
      latestOnEvent.current?.(detail as SnippetEventDetail, element);
    for (const type of ['render', 'copy', 'error'] as const) created.on(type, forward);
    return created;
  });

  useEffect(() => {
    if (values && values !== services.pageValues.get()) services.pageValues.set(values);
  }, [services, values]);

  useEffect(() => () => services.destroy(), [services]);

  return <WidgetContext.Provider value={services}>{children}</WidgetContext.Provider>;
}
