import type { Token } from '../types.ts';

/**
 * How token colours travel from the build to the page.
 *
 * The build merges github-light and github-dark into one Shiki theme whose colours are codes:
 * `#00000n` stands for pair n of the palette, (light colour, dark colour). A token then
 * carries just n; the viewer's stylesheet gives class `c<n>` both colours as custom
 * properties and `color-scheme` picks one. No style attribute is ever written, so the markup
 * is the same in the first paint, React, static HTML, and under `style-src 'self'`.
 */

/** pairs[n] = [light, dark]. */
export type Palette = readonly (readonly [light: string, dark: string])[];

/** The colour code a theme uses for palette pair `index`. */
export const colorCode = (index: number): string => `#${index.toString(16).padStart(6, '0')}`;

/** The palette index a colour code stands for; undefined for anything that is not a code. */
export function colorIndex(color: string | undefined): number | undefined {
  return color && /^#[0-9a-f]{6}$/i.test(color) ? parseInt(color.slice(1), 16) : undefined;
}

const FONT_STYLES: readonly (readonly [flag: number, className: string, css: string])[] = [
  [1, 'fi', 'font-style:italic'],
  [2, 'fb', 'font-weight:bold'],
  [4, 'fu', 'text-decoration:underline'],
];

/** A token's classes: its colour pair and font style; empty for plain text. */
export function tokenClass(token: Token): string {
  const classes = token.color === undefined ? [] : [`c${token.color}`];
  for (const [flag, name] of FONT_STYLES) if (token.fontStyle && token.fontStyle & flag) classes.push(name);
  return classes.join(' ');
}

/** The stylesheet rules behind `tokenClass`: both colours of every pair, and the font styles. */
export function paletteCss(palette: Palette): string {
  const colours = palette.map(([light, dark], i) => `.c${i}{--l:${light};--d:${dark}}`);
  const styles = FONT_STYLES.map(([, name, css]) => `.${name}{${css}}`);
  return `${[...colours, ...styles].join('\n')}\n`;
}
