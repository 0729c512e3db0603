import type { ViewNode } from './view-node.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The node as DOM elements of `doc`. Attributes go through setAttribute and text through text
 * nodes, so no string is ever parsed as markup (nothing here is an HTML or Trusted Types sink).
 */
export function renderDom(doc: Document, node: ViewNode, svg = false): Element {
  const inSvg = svg || node.tag === 'svg';
  const element = inSvg ? doc.createElementNS(SVG_NS, node.tag) : doc.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs)) element.setAttribute(name, value);
  for (const child of node.children) {
    element.append(typeof child === 'string' ? child : renderDom(doc, child, inSvg));
  }
  return element;
}

/**
 * Makes `element` match `node`, keeping every element whose place and tag are unchanged: a
 * re-render keeps focus, selection and scroll where they were. Returns the element now in
 * its place (a new one if the tag changed).
 */
export function patchDom(element: Element, node: ViewNode): Element {
  const doc = element.ownerDocument;
  const svg = element.namespaceURI === SVG_NS;
  if (element.localName !== node.tag) {
    const fresh = renderDom(doc, node, svg);
    element.replaceWith(fresh);
    return fresh;
  }
  // Names, not `element.attributes`, and siblings, not `childNodes`: those create an Attr node
  // per attribute and a NodeList per element, which then live as long as the element (on a
  // page of 2,000 snippets, thousands of nodes that are in no tree).
  for (const name of element.getAttributeNames()) if (!Object.hasOwn(node.attrs, name)) element.removeAttribute(name);
  for (const [name, value] of Object.entries(node.attrs)) if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  // `have` is the node in the place of the next child wanted; what is inserted goes before it.
  let have = element.firstChild;
  for (const want of node.children) {
    if (typeof want === 'string') {
      if (have?.nodeType === 3) {
        if (have.nodeValue !== want) have.nodeValue = want;
        have = have.nextSibling;
      } else element.insertBefore(doc.createTextNode(want), have);
    } else if (have?.nodeType === 1 && (have as Element).localName === want.tag) {
      have = patchDom(have as Element, want).nextSibling;
    } else {
      element.insertBefore(renderDom(doc, want, svg), have);
    }
  }
  while (have) {
    const next = have.nextSibling;
    have.remove();
    have = next;
  }
  return element;
}
