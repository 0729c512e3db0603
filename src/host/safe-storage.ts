/** A Storage that never throws: private mode, sandboxed frames and full quotas read as empty. */
export interface SafeStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** Wraps `getStorage()` (which may itself throw); `warn` is called at most once. */
export function createSafeStorage(getStorage: () => Storage | null | undefined, warn: (message: string) => void): SafeStorage {
  let warned = false;
  const fail = (error: unknown) => {
    if (warned) return;
    warned = true;
    // DOMException is not an Error in every engine; its message is what explains the failure.
    const reason = (error as { message?: string } | null)?.message || String(error);
    warn(`localStorage is not available (${reason}); reading choices will not be remembered on this page.`);
  };
  const storage = (): Storage | null => {
    try {
      return getStorage() ?? null;
    } catch (error) {
      fail(error);
      return null;
    }
  };
  return {
    get(key) {
      try {
        return storage()?.getItem(key) ?? null;
      } catch (error) {
        fail(error);
        return null;
      }
    },
    set(key, value) {
      try {
        storage()?.setItem(key, value);
      } catch (error) {
        fail(error);
      }
    },
  };
}
