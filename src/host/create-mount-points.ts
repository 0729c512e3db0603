import { viewerCss } from '../view/viewer-styles.ts';

/** Makes the shadow roots viewers live in. */
export interface MountPoints {
  /**
   * A child `<div data-snippet-root>` of `element` with an open shadow root holding the viewer's
   * styles: the one a page rendered ahead of time put there (a declarative shadow root), or a new one.
   */
  create(element: HTMLElement): { host: HTMLDivElement; root: ShadowRoot };
  /** Gives `host` an open shadow root with the viewer's styles (for hosts that are their own mount point). */
  attach(host: HTMLElement): ShadowRoot;
  /**
   * Whether `node` is one of the mount points these made: the page's watcher skips them. Not
   * the `data-snippet-root` attribute, which a page may carry on elements of its own.
   */
  owns(node: Node): boolean;
  /**
   * A new `<div data-snippet-root>` and shadow root in place of `host`, which leaves the page.
   * A snippet far off-screen is not laid out (content-visibility: auto), and until it is laid
   * out again its last layout keeps alive every node taken out of its root since: a viewer
   * released there goes to a fresh root instead, and the old one is collected whole.
   */
  replace(host: HTMLDivElement): { host: HTMLDivElement; root: ShadowRoot };
}

/**
 * A `<snippet>` element cannot host a shadow root itself (not a valid custom element name),
 * and a shadow root keeps the host page's CSS out and ours in. Every root of a document
 * adopts one constructed stylesheet, which works under `style-src 'self'`; a stylesheet can
 * only be adopted by the document that made it, hence one per document (a same-origin iframe
 * passed to `refresh()` gets its own).
 */
export function createMountPoints(): MountPoints {
  const sheets = new WeakMap<Document, CSSStyleSheet | null>();
  const sheetFor = (doc: Document): CSSStyleSheet | null => {
    if (!sheets.has(doc)) {
      let sheet: CSSStyleSheet | null = null;
      try {
        const Sheet = doc.defaultView?.CSSStyleSheet;
        if (Sheet) {
          sheet = new Sheet();
          sheet.replaceSync(viewerCss);
        }
      } catch {
        sheet = null;
      }
      sheets.set(doc, sheet);
    }
    return sheets.get(doc) ?? null;
  };
  const mounts = new WeakSet<Node>();
  const attach = (host: HTMLElement): ShadowRoot => {
    mounts.add(host);
    host.setAttribute('data-snippet-root', '');
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const sheet = sheetFor(host.ownerDocument);
    if (sheet && 'adoptedStyleSheets' in root) {
      root.adoptedStyleSheets = [sheet];
    } else {
      // Old engines: a <style> element (blocked by a strict CSP, but those engines predate it).
      const style = host.ownerDocument.createElement('style');
      style.textContent = viewerCss;
      root.appendChild(style);
    }
    return root;
  };
  return {
    attach,
    owns: (node) => mounts.has(node),
    create(element) {
      const existing = prerenderedRoot(element);
      if (existing) return { host: existing.host as HTMLDivElement, root: attach(existing.host as HTMLElement) };
      const host = element.ownerDocument.createElement('div');
      const root = attach(host);
      element.appendChild(host);
      return { host, root };
    },
    replace(old) {
      const host = old.ownerDocument.createElement('div');
      const root = attach(host);
      old.replaceWith(host);
      return { host, root };
    },
  };
}

/**
 * The shadow root a page rendered ahead of time gave a snippet (`<div data-snippet-root>` with
 * a declarative shadow root), if any. Markup a script inserted, or an engine without
 * declarative shadow DOM parsed, still holds it as a `<template shadowrootmode>`: it is
 * attached here, as the parser would have.
 */
export function prerenderedRoot(element: HTMLElement): ShadowRoot | null {
  for (const child of element.children) {
    if (child.localName !== 'div' || !child.hasAttribute('data-snippet-root')) continue;
    if (child.shadowRoot) return child.shadowRoot;
    const template = [...child.children].find((node): node is HTMLTemplateElement => node.localName === 'template' && node.getAttribute('shadowrootmode') === 'open');
    if (!template) continue;
    const root = child.attachShadow({ mode: 'open' });
    root.append(template.content);
    template.remove();
    return root;
  }
  return null;
}
