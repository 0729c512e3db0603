import { Fragment, type CSSProperties } from 'react';
import type { CodeLines as Lines, CodeToken } from '../highlight/highlighter';

/**
 * Colours go through React's style prop, which sets them with CSSOM: unlike a `style`
 * attribute in HTML, that is allowed under `style-src 'self'`. Each token carries both
 * themes as custom properties and the stylesheet picks one, so switching theme never
 * re-highlights.
 */
function tokenStyle(token: CodeToken): CSSProperties | undefined {
  if (!token.light && !token.dark && !token.fontStyle) return undefined;
  const style: Record<string, string> = {};
  if (token.light) style['--l'] = token.light;
  if (token.dark) style['--d'] = token.dark;
  if (token.fontStyle) {
    if (token.fontStyle & 1) style.fontStyle = 'italic';
    if (token.fontStyle & 2) style.fontWeight = 'bold';
    if (token.fontStyle & 4) style.textDecoration = 'underline';
  }
  return style as CSSProperties;
}

/** Highlighted lines; their text content is exactly the code they were made from. */
export function CodeLines({ lines }: { lines: Lines }) {
  return lines.map((line, i) => (
    <Fragment key={i}>
      {i > 0 && '\n'}
      {line.map((token, j) => (
        <span key={j} style={tokenStyle(token)}>
          {token.text}
        </span>
      ))}
    </Fragment>
  ));
}
