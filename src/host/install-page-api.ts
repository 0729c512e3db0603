import { LOG_PREFIX } from '../core/log-prefix.ts';
import { createPageApi, type SnippetsApi } from './create-page-api.ts';
import type { SnippetsHandle } from './create-snippets.ts';

// Marks the widget's own API and the document it serves, so that a second copy of the bundle
// (the same or another version) recognizes the first. Symbol.for: shared across copies.
const API_MARK = Symbol.for('aiml-snippets.api');
const DOCUMENT_MARK = Symbol.for('aiml-snippets.running');

type Marked = { [API_MARK]?: unknown; [DOCUMENT_MARK]?: unknown };

/** The version of a copy of the widget already serving `doc` (or owning `existing`, the page's `window.Snippets`), if any. */
export function runningVersion(doc: Document, existing: unknown): string | null {
  const onDocument = (doc as Marked)[DOCUMENT_MARK];
  if (typeof onDocument === 'string') return onDocument;
  // Copies built before the document was marked put their mark on the API only.
  try {
    const onApi = typeof existing === 'object' && existing !== null ? (existing as Marked)[API_MARK] : undefined;
    return typeof onApi === 'string' ? onApi : null;
  } catch {
    // A Proxy that throws is no copy of the widget.
    return null;
  }
}

/** Says that this copy, `version`, serves `doc` from now on. */
export function markRunning(doc: Document, version: string): void {
  Object.defineProperty(doc, DOCUMENT_MARK, { value: version, configurable: true });
}

/**
 * Puts the page API on `win.Snippets`. What is there already decides how:
 * - nothing, or the loader stub (`{ q: [...] }`, an empty object): the stub's calls are
 *   replayed in order, and the API takes its place;
 * - anything else is another script's (a library of the same name, with a `version` of its
 *   own…): it is left as it is and said so, once; the snippets work all the same, without
 *   the page API.
 * Returns the API, or null when another script's `Snippets` was kept.
 */
export function installPageApi(win: Window, handle: SnippetsHandle, version: string, existing: unknown): SnippetsApi | null {
  const stub = readStub(existing);
  if (stub === 'foreign') {
    console.warn(
      `${LOG_PREFIX} window.Snippets already belongs to another script (${describe(existing)}); it was left as it is, and the snippets run without the page API. Rename the other script's global to use Snippets.setPayload, refresh and on.`,
    );
    return null;
  }
  const api = createPageApi(handle, version, stub);
  Object.defineProperty(api, API_MARK, { value: version });
  win.Snippets = api;
  return api;
}

/** The calls a loader stub queued, copied; 'foreign' when `value` is not a loader stub. */
function readStub(value: unknown): unknown[] | 'foreign' {
  if (value === undefined || value === null) return [];
  let queue: unknown;
  let empty: boolean;
  try {
    queue = (value as { q?: unknown }).q;
    empty = typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && Reflect.ownKeys(value).length === 0;
  } catch {
    // A Proxy whose traps throw: nothing of it can be used, so the API takes its place.
    console.warn(`${LOG_PREFIX} window.Snippets could not be read (a Proxy that throws?); the page API replaces it, and nothing it queued is replayed.`);
    return [];
  }
  if (empty) return [];
  if (!Array.isArray(queue)) return 'foreign';
  try {
    return Array.from(queue as unknown[]);
  } catch {
    console.warn(`${LOG_PREFIX} the calls queued in window.Snippets.q could not be read (a Proxy that throws?); none was replayed. Queue plain arrays such as ['setPayload', { apiKey }].`);
    return [];
  }
}

/** What another script's `Snippets` is, for the console: its version if it says one. */
function describe(value: unknown): string {
  try {
    const version = (value as { version?: unknown }).version;
    if (typeof version === 'string' || typeof version === 'number') return `version ${JSON.stringify(String(version).slice(0, 40))}`;
  } catch {
    // Unreadable: say what kind of value it is instead.
  }
  return `a ${typeof value}`;
}
