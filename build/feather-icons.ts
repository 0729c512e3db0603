import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { find, svg as svgSchema } from 'property-information';
import { createElement, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { AlertTriangle, Check, Copy, CornerDownLeft, ExternalLink, Maximize2, Minimize2 } from 'react-feather';
import type { Plugin } from 'vite';
import type { IconName } from '../src/view/icons.ts';
import type { ViewChild, ViewNode } from '../src/view/view-node.ts';

type IconProps = { size?: number; className?: string; 'aria-hidden'?: 'true' };

// The viewer's icons and the size each is drawn at, from react-feather.
const ICONS: Readonly<Record<IconName, [ComponentType<IconProps>, IconProps]>> = {
  docs: [ExternalLink, { size: 14 }],
  wrap: [CornerDownLeft, { size: 14 }],
  expand: [Maximize2, { size: 14 }],
  collapse: [Minimize2, { size: 14 }],
  copy: [Copy, { size: 14 }],
  copied: [Check, { size: 14 }],
  alert: [AlertTriangle, { size: 16, className: 'notice-icon' }],
};

/** An SVG element of hast as a view node: hast's property names back to the attribute names. */
function toViewNode(element: Element): ViewNode {
  const attrs: Record<string, string> = {};
  for (const [property, value] of Object.entries(element.properties)) {
    // In HTML an <svg> is in the SVG namespace by its name: `xmlns` adds nothing.
    if (value === null || value === undefined || value === false || property === 'xmlns') continue;
    attrs[find(svgSchema, property).attribute] = Array.isArray(value) ? value.join(' ') : value === true ? '' : String(value);
  }
  const children: ViewChild[] = element.children.flatMap((child: ElementContent) => (child.type === 'element' ? [toViewNode(child)] : []));
  return { tag: element.tagName, attrs, children };
}

/** Renders one icon with react-feather and reads its SVG back as a view node. */
export function featherIcon(name: IconName): ViewNode {
  const [Icon, props] = ICONS[name];
  const markup = renderToStaticMarkup(createElement(Icon, { ...props, 'aria-hidden': 'true' }));
  const tree = fromHtml(markup, { fragment: true, space: 'svg' });
  const svg = tree.children.find((child): child is Element => child.type === 'element');
  if (!svg) throw new Error(`react-feather's ${name} icon rendered no <svg>: ${markup}`);
  return toViewNode(svg);
}

/**
 * `virtual:icons`: the viewer's icons, drawn by react-feather at build time, as view nodes.
 * Every renderer (first paint, React, static HTML) then draws the same SVG, and the page
 * carries a few hundred bytes of path data instead of an icon library.
 */
export function featherIcons(): Plugin {
  return {
    name: 'snippets:feather-icons',
    resolveId: { filter: { id: /^virtual:icons$/ }, handler: (id) => `\0${id}` },
    load: {
      filter: { id: /^\0virtual:icons$/ },
      handler() {
        const icons = Object.fromEntries((Object.keys(ICONS) as IconName[]).map((name) => [name, featherIcon(name)]));
        return `export const icons = ${JSON.stringify(icons)};\n`;
      },
    },
  };
}
