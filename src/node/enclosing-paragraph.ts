import type { Element, Parents } from 'hast';

// The HTML parser's "button scope" ends at these: a <p> outside one of them is not closed by a
// <div> start tag inside it. https://html.spec.whatwg.org/multipage/parsing.html#has-an-element-in-button-scope
const SCOPE_ENDS = new Set(['applet', 'button', 'caption', 'html', 'marquee', 'object', 'table', 'td', 'template', 'th']);

/**
 * The `<p>` that a pre-rendered snippet's mount point (a `<div>`) would close when the page is
 * parsed, or null. `<p><snippet><div …>` does not survive an HTML parser: the `<div>` ends the
 * paragraph, and the viewer lands outside its `<snippet>`.
 */
export function enclosingParagraph(ancestors: readonly Parents[]): Element | null {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const ancestor = ancestors[i]!;
    if (ancestor.type !== 'element' || SCOPE_ENDS.has(ancestor.tagName)) return null;
    if (ancestor.tagName === 'p') return ancestor;
  }
  return null;
}
