/** A module loaded on first use, once; after a failure the next use tries again. */
export interface LazyModule<T> {
  get(): Promise<T>;
  /** Starts fetching the module without running it, if its URL is known. */
  preload(): void;
  /**
   * Gives up waiting on a load still on its way (it stalled): the next `get()` starts another,
   * under a fresh URL. Whichever arrives first is the module from then on.
   */
  abandon(): void;
}

export interface LazyModuleOptions<T> {
  /** The module's URL in the build, then those of the chunks it imports, if known (null outside a production build). */
  urls?: readonly string[] | null;
  /** Starts fetching a URL without running it (`<link rel="modulepreload">`). */
  preload?: (url: string) => void;
  /** Imports a module by URL, for retries. */
  importUrl?: (url: string) => Promise<T>;
}

/**
 * Wraps a dynamic `import()`. A module that failed to load or to parse stays failed for its
 * URL until the page reloads (browsers remember the failure), so a retry asks for the same
 * file under another URL, a query string apart.
 */
export function createLazyModule<T>(load: () => Promise<T>, { urls, preload, importUrl }: LazyModuleOptions<T> = {}): LazyModule<T> {
  const url = urls?.[0];
  let loaded: Promise<T> | null = null;
  let pending: Promise<T> | null = null;
  let failures = 0;
  let preloaded = false;
  const attempt = () => {
    if (failures && url && importUrl) return importUrl(`${url}${url.includes('?') ? '&' : '?'}retry=${failures}`);
    return load();
  };
  const start = () => {
    const current: Promise<T> = attempt().then(
      (value) => {
        loaded ??= Promise.resolve(value);
        return value;
      },
      (error: unknown) => {
        if (pending === current) pending = null;
        failures++;
        throw error;
      },
    );
    return current;
  };
  const module: LazyModule<T> = {
    preload() {
      if (preloaded || failures || !urls || !preload) return;
      preloaded = true;
      // The chunks it imports too: found only once it runs, each would be one more round trip.
      for (const address of urls) preload(address);
    },
    get() {
      if (loaded) return loaded;
      module.preload();
      pending ??= start();
      return pending;
    },
    abandon() {
      if (loaded || !pending) return;
      pending = null;
      failures++;
    },
  };
  return module;
}
