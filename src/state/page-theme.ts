export type Theme = 'light' | 'dark' | 'auto';

const asTheme = (value: string | null | undefined): Theme | null =>
  value === 'light' || value === 'dark' ? value : value === 'auto' || value === 'system' ? 'auto' : null;

/**
 * The theme a viewer shows: the element's own `data-theme`, else the page's explicit switch
 * (`<html data-theme>`, `<html class="dark|light">`), else `auto` — which the viewer's CSS
 * resolves with `prefers-color-scheme`.
 */
export function resolveTheme(element: Element, root: Element | null = element.ownerDocument.documentElement): Theme {
  const own = asTheme(element.getAttribute('data-theme'));
  if (own) return own;
  if (!root) return 'auto';
  const page = asTheme(root.getAttribute('data-theme')) ?? asTheme(root.getAttribute('data-color-scheme'));
  if (page) return page;
  if (root.classList.contains('dark')) return 'dark';
  if (root.classList.contains('light')) return 'light';
  return 'auto';
}

/** Calls `onChange` when the page's theme switches change (on `<html>` or `<body>`). */
export function observePageTheme(doc: Document, onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  const options = { attributes: true, attributeFilter: ['class', 'data-theme', 'data-color-scheme'] };
  observer.observe(doc.documentElement, options);
  return () => observer.disconnect();
}
