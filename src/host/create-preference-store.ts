import { normalizeLanguage } from '../core/languages.ts';
import type { PreferenceStore, Preferences } from '../core/services.ts';
import type { SafeStorage } from './safe-storage.ts';

export const STORAGE_KEYS = { lang: 'aiml-snippets.lang', wrap: 'aiml-snippets.wrap' } as const;

/**
 * The reader's language and wrap choices: read before the first viewer paints, kept in
 * localStorage, followed across browser tabs (`storage` events), with `?lang=` winning for
 * the page view it is on. One store per page, so every viewer switches together.
 *
 * It listens for `storage` events only while something subscribes to it: nothing to tear
 * down, so a React provider may create it and let it go (StrictMode mounts effects twice).
 */
export function createPreferenceStore(options: {
  storage: SafeStorage;
  /** The page URL's `?lang=`, if any. */
  urlLang?: string | null;
  /** Where `storage` events come from; omit to not follow other tabs. */
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}): PreferenceStore {
  const { storage, events } = options;
  const listeners = new Set<() => void>();
  const read = (): Preferences => ({
    lang: normalizeLanguage(storage.get(STORAGE_KEYS.lang)),
    wrap: storage.get(STORAGE_KEYS.wrap) === 'true',
  });
  let state = read();
  const fromUrl = normalizeLanguage(options.urlLang);
  if (fromUrl) state = { ...state, lang: fromUrl };

  const update = (next: Preferences) => {
    if (next.lang === state.lang && next.wrap === state.wrap) return;
    state = next;
    [...listeners].forEach((listener) => listener());
  };
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || Object.values(STORAGE_KEYS).includes(event.key as never)) update(read());
  };

  return {
    get: () => state,
    set(change) {
      const next = { ...state, ...change };
      if (change.lang !== undefined && change.lang !== null) storage.set(STORAGE_KEYS.lang, change.lang);
      if (change.wrap !== undefined) storage.set(STORAGE_KEYS.wrap, String(change.wrap));
      update(next);
    },
    subscribe(listener) {
      // A function subscribed twice (two viewers sharing one) is two subscriptions.
      const entry = () => listener();
      if (!listeners.size) events?.addEventListener('storage', onStorage as EventListener);
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
        if (!listeners.size) events?.removeEventListener('storage', onStorage as EventListener);
      };
    },
  };
}
