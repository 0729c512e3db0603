import type { SnippetValues } from '../core/types';
import type { SnippetEventHandler, SnippetEventType, SnippetsHandle } from '../dom/create-snippets';
import { LOG_PREFIX } from '../core/log-prefix';

/** A call a page made before the bundle loaded: `[method, ...args]`. */
export type QueuedCall = [string, ...unknown[]];

/** `window.Snippets`: the page's way to talk to the widget. */
export interface SnippetsApi {
  version: string;
  setPayload(values: SnippetValues): void;
  refresh(root?: ParentNode): void;
  on<T extends SnippetEventType>(type: T, handler: SnippetEventHandler<T>): () => void;
  /** Calls queued by the loader stub; replayed in order, then always empty. */
  q: QueuedCall[];
}

/**
 * Builds the page API over a widget handle and replays what the page queued before the
 * bundle loaded (`window.Snippets = window.Snippets || { q: [] }` then
 * `Snippets.q.push(['setPayload', { apiKey }])`).
 */
export function createPageApi(handle: SnippetsHandle, version: string, queued: unknown): SnippetsApi {
  const api: SnippetsApi = {
    version,
    setPayload: (values) => handle.setPayload(sanitizeValues(values)),
    refresh: (root) => handle.refresh(root),
    on: (type, handler) => handle.on(type, handler),
    q: [],
  };
  const run = (call: unknown) => {
    if (!Array.isArray(call) || typeof call[0] !== 'string') return;
    const [method, ...args] = call as QueuedCall;
    const fn = method === 'q' ? undefined : (api as unknown as Record<string, unknown>)[method];
    if (typeof fn !== 'function') {
      console.warn(`${LOG_PREFIX} queued call "${method}" is not a Snippets method; use setPayload, refresh or on.`);
      return;
    }
    try {
      (fn as (...a: unknown[]) => unknown)(...args);
    } catch (error) {
      console.error(`${LOG_PREFIX} queued call "${method}" failed`, error);
    }
  };
  if (Array.isArray(queued)) queued.forEach(run);
  // A stub that keeps pushing after load still works: the push runs at once.
  api.q = { push: (...calls: unknown[]) => (calls.forEach(run), 0) } as unknown as QueuedCall[];
  return api;
}

/** Keeps only plain string, number and boolean values: the page API is not a way to pass objects into templates. */
export function sanitizeValues(values: unknown): SnippetValues {
  const clean: SnippetValues = {};
  if (!values || typeof values !== 'object') return clean;
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
      clean[key] = value;
    }
  }
  return clean;
}
