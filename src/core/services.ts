import type { SnippetError, SnippetErrorCode } from './snippet-error.ts';
import type { SnippetValues } from './types.ts';

/** What a reader chose once for the whole site. */
export interface Preferences {
  /** Preferred template language (`py`, `js` …), or null for each snippet's first tab. */
  lang: string | null;
  wrap: boolean;
}

/** The reader's preferences, shared by every viewer of a page so they switch together. */
export interface PreferenceStore {
  get(): Preferences;
  set(change: Partial<Preferences>): void;
  subscribe(listener: () => void): () => void;
}

/** Page-wide variable values (`Snippets.setPayload`), between config defaults and `data-*`. */
export interface ValueStore {
  get(): Readonly<SnippetValues>;
  set(values: SnippetValues): void;
  subscribe(listener: () => void): () => void;
}

/** What a viewer tells the page about itself. */
export type SnippetEvent =
  | { type: 'render'; name: string; languages: string[] }
  | { type: 'copy'; name: string; language: string }
  | { type: 'error'; name: string; code: SnippetErrorCode; message: string };

export type SnippetEventType = SnippetEvent['type'];

export type SnippetEventHandler<T extends SnippetEventType = SnippetEventType> = (
  detail: Extract<SnippetEvent, { type: T }>,
  element: Element,
) => void;

/** What every viewer of one widget shares. */
export interface WidgetServices {
  preferences: PreferenceStore;
  pageValues: ValueStore;
  /** Dispatches an event for `element` (DOM event + `on()` handlers). */
  emit(element: Element, detail: SnippetEvent): void;
  /** Logs a problem once per element and message, with the widget's prefix, and emits an `error` event. */
  report(element: Element, error: SnippetError): void;
  /** Logs a warning (the snippet still works) once per element and message. */
  warn(element: Element, message: string): void;
}
