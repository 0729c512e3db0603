import { createElement, type ReactElement, type ReactNode } from 'react';
import type { ViewChild, ViewNode } from './view-node.ts';

// HTML attribute names React spells differently; aria-* and data-* it takes as they are.
const RENAMED: Readonly<Record<string, string>> = { class: 'className', tabindex: 'tabIndex', for: 'htmlFor', readonly: 'readOnly' };
const BOOLEAN = new Set(['disabled', 'hidden', 'checked', 'readonly']);

function reactProps(attrs: Readonly<Record<string, string>>): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attrs)) {
    const key = RENAMED[name] ?? (name.startsWith('aria-') || name.startsWith('data-') ? name : name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()));
    props[key] = BOOLEAN.has(name) ? true : value;
  }
  return props;
}

const child = (node: ViewChild): ReactNode => (typeof node === 'string' ? node : renderReact(node));

/** The node as React elements; `rootProps` (event handlers) go on the outermost one. */
export function renderReact(node: ViewNode, rootProps: Record<string, unknown> = {}): ReactElement {
  return createElement(node.tag, { ...reactProps(node.attrs), ...rootProps }, ...node.children.map(child));
}
