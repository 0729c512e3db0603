/**
 * Starts fetching ES modules without running them (`<link rel="modulepreload">`, once per
 * URL): a later `import()` of the same URL finds them fetched and compiled. Where the browser
 * lacks modulepreload the link does nothing and the import fetches as usual.
 *
 * `nonce` is the one the bundle's own script tag carries: under a nonce-based CSP a link
 * without it is refused, and the fetch-ahead lost.
 */
export function createPreloader(doc: Document, nonce = ''): (url: string) => void {
  const requested = new Set<string>();
  return (url) => {
    if (requested.has(url)) return;
    requested.add(url);
    const link = doc.createElement('link');
    link.rel = 'modulepreload';
    // The credentials mode of a dynamic import(), so the browser reuses what this fetched.
    link.crossOrigin = '';
    if (nonce) link.nonce = nonce;
    link.href = url;
    (doc.head ?? doc.documentElement).append(link);
  };
}
