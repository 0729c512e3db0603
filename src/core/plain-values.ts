import type { SnippetValue } from './types.ts';

/**
 * Characters that are plain text inside the string literals the template helpers write, in
 * every grammar the library uses (no double quote, backslash, `$`, `{`, `%`, backtick,
 * newline), and cannot end or begin anything there: a value made of them changes no token of
 * a program but the string's own text (formats/prebuilt-highlights.ts). A single quote is
 * plain in the double-quoted literals of Python, JavaScript and JSON; the shell helper
 * escapes it as `'\''`, and the backslash is not.
 */
export const STRING_SAFE = /^[A-Za-z0-9 ._\-/:@+,?!=&;~*'•]*$/u;

/**
 * True if every value is one the build's tokens can likely take (plain text, a number, a
 * boolean): known before the templates arrive, it tells whether to fetch Shiki alongside them.
 */
export function plainValues(...layers: readonly Readonly<Record<string, SnippetValue>>[]): boolean {
  return layers.every((values) => Object.values(values).every((value) => typeof value !== 'string' || STRING_SAFE.test(value)));
}
