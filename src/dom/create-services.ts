import { LOG_PREFIX } from '../core/log-prefix';
import type { SnippetError } from '../core/snippet-error';
import { createPreferenceStore } from '../state/preferences';
import { createSafeStorage } from '../state/safe-storage';
import { createValueStore, type SnippetEventDetail, type WidgetServices } from '../state/widget-services';


export type SnippetEventType = SnippetEventDetail['type'];
export type SnippetEventHandler<T extends SnippetEventType> = (detail: Extract<SnippetEventDetail, { type: T }>, element: Element) => void;

/** The services viewers share, plus the event subscriptions of the page API. */
export interface WidgetRuntime extends WidgetServices {
  on<T extends SnippetEventType>(type: T, handler: SnippetEventHandler<T>): () => void;
  destroy(): void;
}

/**
 * Creates what every viewer of one widget shares: the reader's preferences (one store, so
 * every viewer switches together), page-wide values, events and the console. The script-tag
 * widget and the React component both use it.
 */
export function createWidgetServices(win: Window): WidgetRuntime {
  type AnyHandler = (detail: SnippetEventDetail, element: Element) => void;
  const handlers = new Map<SnippetEventType, Set<AnyHandler>>();
  const reported = new WeakMap<Element, Set<string>>();
  const preferences = createPreferenceStore({
    storage: createSafeStorage(() => win.localStorage, (message) => console.warn(`${LOG_PREFIX} ${message}`)),
    urlLang: new URLSearchParams(win.location?.search ?? '').get('lang'),
    events: win,
  });

  const emit = (element: Element, detail: SnippetEventDetail) => {
    handlers.get(detail.type)?.forEach((handler) => {
      try {
        handler(detail, element);
      } catch (error) {
        console.error(`${LOG_PREFIX} an "${detail.type}" handler threw`, error);
      }
    });
    element.dispatchEvent(new CustomEvent(`snippet:${detail.type}`, { bubbles: true, composed: true, detail }));
  };

  /** True the first time an element reports a message. */
  const firstTime = (element: Element, message: string) => {
    const seen = reported.get(element) ?? new Set<string>();
    reported.set(element, seen);
    if (seen.has(message)) return false;
    seen.add(message);
    return true;
  };

  const warn = (element: Element, message: string) => {
    if (firstTime(element, message)) console.warn(`${LOG_PREFIX} ${message}`);
  };

  const report = (element: Element, error: SnippetError) => {
    if (!firstTime(element, error.message)) return;
    console.error(`${LOG_PREFIX} ${error.code}: ${error.message}`);
    emit(element, { type: 'error', name: error.snippet, code: error.code, message: error.message });
  };

  return {
    preferences,
    pageValues: createValueStore(),
    emit,
    report,
    warn,
    on(type, handler) {
      const set = handlers.get(type) ?? new Set();
      handlers.set(type, set);
      set.add(handler as unknown as AnyHandler);
      return () => void set.delete(handler as unknown as AnyHandler);
    },
    destroy() {
      preferences.destroy();
      handlers.clear();
    },
  };
}
