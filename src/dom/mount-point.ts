import viewerCss from '../ui/viewer.css?inline';

let sheet: CSSStyleSheet | null | undefined;

/** One constructable stylesheet shared by every shadow root; it works under `style-src 'self'`. */
function sharedSheet(): CSSStyleSheet | null {
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(viewerCss);
    } catch {
      sheet = null;
    }
  }
  return sheet;
}

/**
 * Creates the viewer's mount point: a child `<div data-snippet-root>` of the element with an
 * open shadow root. A `<snippet>` element cannot host a shadow root itself (not a valid
 * custom element name), and the shadow root keeps the host page's CSS out and ours in.
 */
export function createMountPoint(element: HTMLElement): { host: HTMLDivElement; root: ShadowRoot } {
  const host = element.ownerDocument.createElement('div');
  const root = attachViewerShadow(host);
  element.appendChild(host);
  return { host, root };
}

/** Gives `host` an open shadow root with the viewer's styles, and marks it as a viewer's root. */
export function attachViewerShadow(host: HTMLElement): ShadowRoot {
  host.setAttribute('data-snippet-root', '');
  const root = host.attachShadow({ mode: 'open' });
  const styles = sharedSheet();
  if (styles && 'adoptedStyleSheets' in root) {
    root.adoptedStyleSheets = [styles];
  } else {
    // Old engines: a <style> element (blocked by a strict CSP, but those engines predate it).
    const style = host.ownerDocument.createElement('style');
    style.textContent = viewerCss;
    root.appendChild(style);
  }
  return root;
}
