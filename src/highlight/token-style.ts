import type { CodeToken } from './highlighter';

/**
 * The CSS of one token, as [property, value] pairs: both themes' colours as custom
 * properties (the stylesheet picks one, so switching theme never re-highlights) and the
 * font style. Set through CSSOM, which `style-src 'self'` allows, never as a style attribute.
 */
export function tokenCss(token: CodeToken): [string, string][] {
  const css: [string, string][] = [];
  if (token.light) css.push(['--l', token.light]);
  if (token.dark) css.push(['--d', token.dark]);
  if (token.fontStyle) {
    if (token.fontStyle & 1) css.push(['font-style', 'italic']);
    if (token.fontStyle & 2) css.push(['font-weight', 'bold']);
    if (token.fontStyle & 4) css.push(['text-decoration', 'underline']);
  }
  return css;
}
