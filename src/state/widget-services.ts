import type { SnippetError } from '../core/snippet-error';
import type { SnippetValues } from '../core/types';
import type { PreferenceStore } from './preferences';

/** Page-wide variable values (`Snippets.setPayload`), between config defaults and `data-*`. */
export interface ValueStore {
  get(): Readonly<SnippetValues>;
  set(values: SnippetValues): void;
  subscribe(listener: () => void): () => void;
}

/** What a viewer tells the page about itself. */
export type SnippetEventDetail =
  | { type: 'render'; name: string; languages: string[] }
  | { type: 'copy'; name: string; language: string }
  | { type: 'error'; name: string; code: string; message: string };

/** The services every viewer shares: one set per widget instance. */
export interface WidgetServices {
  preferences: PreferenceStore;
  pageValues: ValueStore;
  /** Dispatches an event for `element` (DOM event + `on()` handlers). */
  emit(element: Element, detail: SnippetEventDetail): void;
  /** Logs a problem once per element and message, with the widget's prefix. */
  report(element: Element, error: SnippetError): void;
  /** Logs a warning (the snippet still works) once per element and message. */
  warn(element: Element, message: string): void;
}

export function createValueStore(): ValueStore {
  let values: Readonly<SnippetValues> = {};
  const listeners = new Set<() => void>();
  return {
    get: () => values,
    set(next) {
      values = { ...next };
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
