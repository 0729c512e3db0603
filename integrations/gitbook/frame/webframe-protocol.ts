// GitBook's webframe protocol, as its renderer speaks it (GitbookIO/gitbook,
// packages/react-contentkit/src/ElementWebframe.tsx): the frame says it is ready, GitBook
// then sends the block's data bindings as `{ state }` (queued until ready, sent again on
// every change), and the frame reports its size.

export const READY = '@webframe.ready';
export const RESIZE = '@webframe.resize';

export interface ReadyMessage {
  action: { action: typeof READY };
}

export interface ResizeMessage {
  action: { action: typeof RESIZE; size: { height: number; aspectRatio: number } };
}

/** The block's bindings as they arrive: `name` and `overrides` (GitBook adds `page`, and more). */
export interface FrameState {
  name: string;
  overrides: Record<string, string>;
}

const VARIABLE = /^[a-z][a-zA-Z0-9]*$/;
const RESERVED = new Set(['name', 'state', 'theme']);

/**
 * Reads a `{ state }` message; null for anything else. Override keys become attribute
 * names, so only variable-shaped keys pass; values become attribute text, which is inert.
 */
export function readState(data: unknown, warn: (message: string) => void): FrameState | null {
  const state = (data as { state?: unknown } | null)?.state;
  if (typeof data !== 'object' || data === null || typeof state !== 'object' || state === null) return null;
  const { name, overrides } = state as { name?: unknown; overrides?: unknown };
  if (typeof name !== 'string') return null;
  const clean: Record<string, string> = {};
  if (typeof overrides === 'object' && overrides !== null) {
    for (const [key, value] of Object.entries(overrides)) {
      if (!VARIABLE.test(key) || RESERVED.has(key)) warn(`ignored the override ${JSON.stringify(key)}: not a variable name (camelCase, e.g. baseUrl).`);
      else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') clean[key] = String(value);
    }
  }
  return { name, overrides: clean };
}
