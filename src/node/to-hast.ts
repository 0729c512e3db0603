import type { Element, ElementContent } from 'hast';
import { h, s } from 'hastscript';
import type { ViewChild, ViewNode } from '../view/view-node.ts';

/**
 * A view node as hast (the HTML syntax tree of the unified ecosystem), attribute names as
 * the viewer writes them: what rehype plugins take, and what hast-util-to-html serializes
 * with its escaping. The <svg> subtree is built as SVG.
 */
export function toHast(node: ViewNode, svg = false): Element {
  const inSvg = svg || node.tag === 'svg';
  const children: ElementContent[] = node.children.map((child: ViewChild) => (typeof child === 'string' ? { type: 'text', value: child } : toHast(child, inSvg)));
  // Boolean attributes are present with the empty string; hastscript wants `true` for them.
  const properties = Object.fromEntries(Object.entries(node.attrs).map(([name, value]) => [name, value === '' && !name.startsWith('data-') && !name.startsWith('aria-') ? true : value]));
  return (inSvg ? s : h)(node.tag, properties, children);
}
