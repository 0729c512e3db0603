// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { createPreferenceStore, STORAGE_KEYS } from '../../src/host/create-preference-store.ts';
import { createSafeStorage } from '../../src/host/safe-storage.ts';

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
    const stop = store.subscribe(listener);
    backing.data.set(STORAGE_KEYS.lang, 'js');
    window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEYS.lang, newValue: 'js' }));
    expect(store.get().lang).toBe('js');
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
  });

  it('listens to other tabs only while something listens to it, so it has nothing to tear down', () => {
    const events = { addEventListener: vi.fn(), removeEventListener: vi.fn() };
    const store = createPreferenceStore({ storage: createSafeStorage(() => memoryStorage(), vi.fn()), events });
    expect(events.addEventListener).not.toHaveBeenCalled();
    const stopA = store.subscribe(vi.fn());
    const stopB = store.subscribe(vi.fn());
    expect(events.addEventListener).toHaveBeenCalledTimes(1);
    stopA();
    expect(events.removeEventListener).not.toHaveBeenCalled();
    stopB();
    expect(events.removeEventListener).toHaveBeenCalledTimes(1);
    // Subscribed again (StrictMode mounts effects twice): listening again.
    store.subscribe(vi.fn());
    expect(events.addEventListener).toHaveBeenCalledTimes(2);
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
