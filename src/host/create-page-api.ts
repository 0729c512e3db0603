import { LOG_PREFIX } from '../core/log-prefix.ts';
import type { SnippetEventHandler, SnippetEventType } from '../core/services.ts';
import type { SnippetValues } from '../core/types.ts';
import type { SnippetsHandle } from './create-snippets.ts';

/** A call a page made before the bundle loaded: `[method, ...args]`. */
export type QueuedCall = readonly [method: string, ...args: unknown[]];

/** The stub a page writes before the bundle loads: `window.Snippets = window.Snippets || { q: [] }`. */
export interface SnippetsStub {
  q: QueuedCall[];
}

/** `window.Snippets`: the page's way to talk to the widget. */
export interface SnippetsApi {
  readonly version: string;
  /** Page-wide variable values, between `config.json` defaults and each element's `data-*`. */
  setPayload(values: SnippetValues): void;
  /** Scans `root` (default: the document) for snippets now. */
  refresh(root?: ParentNode): void;
  /** Subscribes to `render`, `copy` or `error`; returns the unsubscribe function. */
  on<T extends SnippetEventType>(type: T, handler: SnippetEventHandler<T>): () => void;
  /** Takes every viewer out of the page and stops the widget. */
  destroy(): void;
  /** Calls queued by the loader stub were replayed in order; a push now runs at once. */
  readonly q: { push(...calls: QueuedCall[]): number };
}

const METHODS = ['setPayload', 'refresh', 'on', 'destroy'] as const;
const EVENTS: readonly SnippetEventType[] = ['render', 'copy', 'error'];

/** A value a page passed, for a console line: never its own `toString` (which may throw, or lie). */
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  return value === null ? 'null' : `${/^[aeiou]/.test(typeof value) ? 'an' : 'a'} ${typeof value}`;
}

/** A node `refresh()` can scan, from this document or another's (a same-origin iframe's). */
const isScannable = (root: unknown): root is ParentNode =>
  typeof root === 'object' && root !== null && [1, 9, 11].includes((root as Node).nodeType) && typeof (root as ParentNode).querySelectorAll === 'function';

/**
 * Builds the page API over a widget handle and replays what the page queued before the
 * bundle loaded. Nothing a page passes in can throw into it: bad input is refused with one
 * `[snippets]` line that says what to pass instead.
 */
export function createPageApi(handle: SnippetsHandle, version: string, queued: readonly unknown[] = []): SnippetsApi {
  const api: SnippetsApi = {
    version,
    setPayload(values) {
      handle.setPayload(sanitizeValues(values));
    },
    refresh(root) {
      if (root !== undefined && !isScannable(root)) {
        console.error(`${LOG_PREFIX} Snippets.refresh() scans a document or an element; it got ${describe(root)}. Call it with no argument to scan the whole page.`);
        return;
      }
      handle.refresh(root);
    },
    on(type, handler) {
      if (!EVENTS.includes(type)) {
        console.error(`${LOG_PREFIX} Snippets.on(${describe(type)}, …): there is no such event; use ${EVENTS.map((event) => JSON.stringify(event)).join(', ')}.`);
        return () => undefined;
      }
      if (typeof handler !== 'function') {
        console.error(`${LOG_PREFIX} Snippets.on(${describe(type)}, …) needs a function as its handler; it got ${describe(handler)}, and nothing was subscribed.`);
        return () => undefined;
      }
      return handle.on(type, handler);
    },
    destroy() {
      handle.destroy();
    },
    q: {
      // A stub that keeps pushing after load still works: the push runs at once.
      push: (...calls) => {
        calls.forEach(run);
        return 0;
      },
    },
  };
  function run(call: unknown) {
    let parts: unknown[];
    try {
      // A copy: a Proxy or an array with getters is read once, here, where it cannot throw into the page.
      parts = Array.isArray(call) ? [...(call as unknown[])] : [];
    } catch {
      parts = [];
    }
    if (!parts.length) {
      console.warn(`${LOG_PREFIX} a queued call must be an array such as ['setPayload', { apiKey }]; it was ignored.`);
      return;
    }
    const [method, ...args] = parts;
    // Only the API's own methods: never Object.prototype's (`toString`, `constructor` …).
    if (typeof method !== 'string' || !(METHODS as readonly string[]).includes(method)) {
      console.warn(`${LOG_PREFIX} queued call ${describe(method)} is not a Snippets method; use ${METHODS.join(', ')}.`);
      return;
    }
    try {
      (api[method as (typeof METHODS)[number]] as (...a: unknown[]) => unknown)(...args);
    } catch (error) {
      console.error(`${LOG_PREFIX} queued call "${method}" failed`, error);
    }
  }
  if (Array.isArray(queued)) queued.forEach(run);
  return api;
}

/**
 * Copies the plain string, number and boolean values of a page's object: the page API is not
 * a way to pass objects into templates. Only its own data properties are read, so a getter
 * never runs, and a Proxy whose traps throw is refused, not thrown into the page.
 */
export function sanitizeValues(values: unknown): SnippetValues {
  const clean: SnippetValues = {};
  if (!values || typeof values !== 'object') {
    console.warn(`${LOG_PREFIX} setPayload needs an object such as { apiKey: "…" }; it got ${values === null ? 'null' : typeof values}.`);
    return clean;
  }
  let descriptors: PropertyDescriptorMap;
  try {
    descriptors = Object.getOwnPropertyDescriptors(values);
  } catch {
    console.warn(`${LOG_PREFIX} setPayload could not read the object it was given (a Proxy that throws?); pass a plain object.`);
    return clean;
  }
  const skipped: string[] = [];
  for (const [key, descriptor] of Object.entries(descriptors)) {
    if (!descriptor.enumerable) continue;
    const value: unknown = 'value' in descriptor ? descriptor.value : undefined;
    if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) clean[key] = value;
    else skipped.push(key);
  }
  if (skipped.length) {
    console.warn(`${LOG_PREFIX} setPayload takes strings, numbers and booleans; ${skipped.map((key) => JSON.stringify(key)).join(', ')} ${skipped.length === 1 ? 'was' : 'were'} ignored.`);
  }
  return clean;
}
