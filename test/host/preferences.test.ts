import { describe, expect, it, vi } from 'vitest';
import { createPreferenceStore, STORAGE_KEYS } from '../../src/state/preferences';
import { createSafeStorage } from '../../src/state/safe-storage';

const memoryStorage = (initial: Record<string, string> = {}) => {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    data,
  } as unknown as Storage & { data: Map<string, string> };
};

describe('preferences', () => {
  it('starts from what the reader chose before', () => {
    const storage = createSafeStorage(() => memoryStorage({ [STORAGE_KEYS.lang]: 'js', [STORAGE_KEYS.wrap]: 'true' }), vi.fn());
    expect(createPreferenceStore({ storage }).get()).toEqual({ lang: 'js', wrap: true });
  });

  it('lets ?lang= win for the page view, without storing it', () => {
    const backing = memoryStorage({ [STORAGE_KEYS.lang]: 'js' });
    const store = createPreferenceStore({ storage: createSafeStorage(() => backing, vi.fn()), urlLang: 'python' });
    expect(store.get().lang).toBe('py');
    expect(backing.data.get(STORAGE_KEYS.lang)).toBe('js');
  });

  it('stores a choice and tells subscribers once', () => {
    const backing = memoryStorage();
    const store = createPreferenceStore({ storage: createSafeStorage(() => backing, vi.fn()) });
    const listener = vi.fn();
    store.subscribe(listener);
    store.set({ lang: 'sh' });
    store.set({ lang: 'sh' });
    store.set({ wrap: true });
    expect(listener).toHaveBeenCalledTimes(2);
    expect(Object.fromEntries(backing.data)).toEqual({ [STORAGE_KEYS.lang]: 'sh', [STORAGE_KEYS.wrap]: 'true' });
  });

  it('follows a choice made in another browser tab', () => {
    const backing = memoryStorage();
    const store = createPreferenceStore({ storage: createSafeStorage(() => backing, vi.fn()), events: window });
    const listener = vi.fn();
    store.subscribe(listener);
    backing.data.set(STORAGE_KEYS.lang, 'js');
    window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEYS.lang, newValue: 'js' }));
    expect(store.get().lang).toBe('js');
    expect(listener).toHaveBeenCalledTimes(1);
    store.destroy();
  });

  it('works without storage, and warns once', () => {
    const warn = vi.fn();
    const throwing = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const store = createPreferenceStore({ storage: createSafeStorage(throwing, warn) });
    store.set({ lang: 'js' });
    store.set({ wrap: true });
    expect(store.get()).toEqual({ lang: 'js', wrap: true });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/localStorage is not available \(The operation is insecure\.\)/);
  });
});
