export type Theme = 'light' | 'dark' | 'auto';

const asTheme = (value: string | null | undefined): Theme | null =>
  value === 'light' || value === 'dark' ? value : value === 'auto' || value === 'system' ? 'auto' : null;

/** A page-level switch: `data-theme`, `data-color-scheme`, or a `dark`/`light` class. */
function switchOf(node: Element | null): Theme | null {
  if (!node) return null;
  const declared = asTheme(node.getAttribute('data-theme')) ?? asTheme(node.getAttribute('data-color-scheme'));
  if (declared) return declared;
  if (node.classList.contains('dark')) return 'dark';
  if (node.classList.contains('light')) return 'light';
  return null;
}

/**
 * The theme a viewer shows: the element's own `data-theme`, else the page's explicit switch
 * on `<html>` (Docusaurus, Tailwind…) or `<body>`, else `auto` — which the viewer's CSS
 * resolves with `prefers-color-scheme`.
 */
export function resolveTheme(element: Element): Theme {
  const doc = element.ownerDocument;
  return asTheme(element.getAttribute('data-theme')) ?? switchOf(doc.documentElement) ?? switchOf(doc.body) ?? 'auto';
}

/** Calls `onChange` when the page's theme switches change (on `<html>` or `<body>`). */
export function observePageTheme(doc: Document, onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  const options = { attributes: true, attributeFilter: ['class', 'data-theme', 'data-color-scheme'] };
  observer.observe(doc.documentElement, options);
  if (doc.body) observer.observe(doc.body, options);
  return () => observer.disconnect();
}
