const requested = new Set<string>();

/**
 * Starts fetching an ES module without running it (`<link rel="modulepreload">`, once per
 * URL): a later `import()` of the same URL finds it fetched and compiled. Where the browser
 * lacks modulepreload the link does nothing and the import fetches as usual.
 */
export function preloadModule(doc: Document, url: string): void {
  if (requested.has(url)) return;
  requested.add(url);
  const link = doc.createElement('link');
  link.rel = 'modulepreload';
  // The credentials mode of a dynamic import(), so the browser reuses what this fetched.
  link.crossOrigin = '';
  link.href = url;
  (doc.head ?? doc.documentElement).append(link);
}
