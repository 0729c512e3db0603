import { Fragment, type CSSProperties } from 'react';
import type { CodeLines as Lines, CodeToken } from '../highlight/highlighter';
import { tokenCss } from '../highlight/token-style';

// React's style prop takes custom properties as they are and the rest in camelCase.
const camel = (property: string) => (property.startsWith('--') ? property : property.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()));

function tokenStyle(token: CodeToken): CSSProperties | undefined {
  const css = tokenCss(token);
  return css.length ? (Object.fromEntries(css.map(([property, value]) => [camel(property), value])) as CSSProperties) : undefined;
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
