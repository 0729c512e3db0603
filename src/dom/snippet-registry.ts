import type { Theme } from '../state/page-theme';

/** A snippet element whose viewer is mounted: what the React root renders a portal for. */
export interface MountedSnippet {
  key: number;
  element: HTMLElement;
  container: ShadowRoot;
  name: string;
  values: Readonly<Record<string, string>>;
  theme: Theme;
}

export interface SnippetRegistry {
  list(): readonly MountedSnippet[];
  subscribe(listener: () => void): () => void;
  add(entries: MountedSnippet[]): void;
  update(element: HTMLElement, change: Partial<Omit<MountedSnippet, 'key' | 'element' | 'container'>>): void;
  remove(elements: readonly HTMLElement[]): void;
}

/** An immutable list of mounted viewers with change listeners, for `useSyncExternalStore`. */
export function createSnippetRegistry(): SnippetRegistry {
  let entries: readonly MountedSnippet[] = [];
  const listeners = new Set<() => void>();
  const commit = (next: readonly MountedSnippet[]) => {
    entries = next;
    listeners.forEach((listener) => listener());
  };
  return {
    list: () => entries,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    add(added) {
      if (added.length) commit([...entries, ...added]);
    },
    update(element, change) {
      let changed = false;
      const next = entries.map((entry) => {
        if (entry.element !== element) return entry;
        const merged = { ...entry, ...change };
        changed = (Object.keys(change) as (keyof typeof change)[]).some((key) => !sameValue(entry[key], merged[key]));
        return changed ? merged : entry;
      });
      if (changed) commit(next);
    },
    remove(removed) {
      const gone = new Set(removed);
      const next = entries.filter((entry) => !gone.has(entry.element));
      if (next.length !== entries.length) commit(next);
    },
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return keysA.length === keysB.length && keysA.every((key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key]);
}
