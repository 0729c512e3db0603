import { LOG_PREFIX } from '../core/log-prefix.ts';
import type { SnippetEvent, SnippetEventHandler, SnippetEventType, ValueStore, WidgetServices } from '../core/services.ts';
import type { SnippetError } from '../core/snippet-error.ts';
import type { SnippetValues } from '../core/types.ts';
import { createPreferenceStore } from './create-preference-store.ts';
import { createSafeStorage } from './safe-storage.ts';

/** The services viewers share, plus the event subscriptions of the page API. */
export interface WidgetRuntime extends WidgetServices {
  on<T extends SnippetEventType>(type: T, handler: SnippetEventHandler<T>): () => void;
}

/** Page-wide values: a store whose listeners hear every change. */
export function createValueStore(): ValueStore {
  let values: Readonly<SnippetValues> = {};
  const listeners = new Set<() => void>();
  return {
    get: () => values,
    set(next) {
      values = { ...next };
      [...listeners].forEach((listener) => listener());
    },
    subscribe(listener) {
      const entry = () => listener();
      listeners.add(entry);
      return () => listeners.delete(entry);
    },
  };
}

/**
 * Creates what every viewer of one widget shares: the reader's preferences (one store, so
 * every viewer switches together), page-wide values, events and the console. The script-tag
 * widget and the React component both use it. It holds no listener of its own until a viewer
 * subscribes, so there is nothing to destroy.
 */
export function createWidgetServices(win: Window): WidgetRuntime {
  type AnyHandler = (detail: SnippetEvent, element: Element) => void;
  const handlers = new Map<SnippetEventType, Set<AnyHandler>>();
  const reported = new WeakMap<Element, Set<string>>();
  const preferences = createPreferenceStore({
    storage: createSafeStorage(() => win.localStorage, (message) => console.warn(`${LOG_PREFIX} ${message}`)),
    urlLang: new URLSearchParams(win.location?.search ?? '').get('lang'),
    events: win,
  });

  const emit = (element: Element, detail: SnippetEvent) => {
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

  return {
    preferences,
    pageValues: createValueStore(),
    emit,
    report(element: Element, error: SnippetError) {
      if (!firstTime(element, error.message)) return;
      console.error(`${LOG_PREFIX} ${error.code}: ${error.message}`);
      emit(element, { type: 'error', name: error.snippet, code: error.code, message: error.message });
    },
    warn(element, message) {
      if (firstTime(element, message)) console.warn(`${LOG_PREFIX} ${message}`);
    },
    on(type, handler) {
      const set = handlers.get(type) ?? new Set();
      handlers.set(type, set);
      set.add(handler as unknown as AnyHandler);
      return () => void set.delete(handler as unknown as AnyHandler);
    },
  };
}
