// Relative imports name their .ts file: the build runs this module in Node too.
import type { CodeLines, CodeToken } from '../core/types';
import { STRING_SAFE } from './plain-values.ts';

/**
 * Tokens the build made for a snippet's code as rendered with its defaults
 * (build/prebuilt-highlights.ts), and how to reuse them for the code a page actually shows.
 *
 * A page mostly changes values inside string literals (a model id, a URL, a masked key) or
 * digits of a number. Replacing characters inside a string's text with plain ones (letters,
 * digits, `-./:` …, see `STRING_SAFE`) changes no token of the program but that one, so the
 * build's tokens stay right with that part's text swapped. Anything else (double quotes,
 * backslashes, `$`, `{`, a line added by a condition, two values on one line) falls back to
 * Shiki at run time.
 * test/unit/prebuilt-tokens.test.ts checks the reuse against Shiki over the whole library.
 */

/** What a part of a token may be changed to: nothing, plain string text, or digits. */
export const FIXED = 0;
export const STRING_TEXT = 1;
export const DIGITS = 2;

/** [light, dark, fontStyle] of a token. */
export type PrebuiltStyle = readonly [light: string, dark: string, fontStyle: number];

/**
 * One line: a number starts a token with that style (an index into `styles`); a string is a
 * part of that token that must stay as it is; `[kind, text]` is a part that may change.
 */
export type PrebuiltLine = readonly (number | string | readonly [kind: number, text: string])[];

export interface PrebuiltHighlights {
  styles: readonly PrebuiltStyle[];
  /** Per template language, per line. */
  files: Readonly<Record<string, readonly PrebuiltLine[]>>;
}

const DIGITS_ONLY = /^[0-9]*$/;

interface Part {
  kind: number;
  text: string;
}
interface Token {
  style: PrebuiltStyle;
  parts: Part[];
}

function decodeLine(line: PrebuiltLine, styles: readonly PrebuiltStyle[]): Token[] | null {
  const tokens: Token[] = [];
  for (const item of line) {
    if (typeof item === 'number') {
      const style = styles[item];
      if (!style) return null;
      tokens.push({ style, parts: [] });
    } else {
      const token = tokens[tokens.length - 1];
      if (!token) return null;
      token.parts.push(typeof item === 'string' ? { kind: FIXED, text: item } : { kind: item[0], text: item[1] });
    }
  }
  return tokens;
}

const allows = (kind: number, text: string) =>
  (kind === STRING_TEXT && STRING_SAFE.test(text)) || (kind === DIGITS && DIGITS_ONLY.test(text));

/**
 * Swaps `[from, to)` of the line's text for `inserted`, inside one changeable part; false if
 * no part can take the change (the line then needs a real tokenizer).
 */
function replaceInPart(tokens: Token[], from: number, to: number, inserted: string): boolean {
  let offset = 0;
  for (const token of tokens) {
    for (const part of token.parts) {
      const end = offset + part.text.length;
      if (offset <= from && to <= end && allows(part.kind, inserted)) {
        const text = part.text.slice(0, from - offset) + inserted + part.text.slice(to - offset);
        // A part that empties could merge its neighbours into one token: leave that to Shiki.
        if (!text) return false;
        part.text = text;
        return true;
      }
      offset = end;
    }
  }
  return false;
}

const toCodeTokens = (tokens: Token[]): CodeToken[] =>
  tokens.map(({ style: [light, dark, fontStyle], parts }) => ({
    text: parts.map((part) => part.text).join(''),
    light: light || undefined,
    dark: dark || undefined,
    fontStyle: fontStyle || undefined,
  }));

/**
 * The tokens of `code` (a template's rendering in `lang`) from the build's tokens of its
 * default rendering, or null when they cannot be reused exactly.
 */
export function adaptTokens(highlights: PrebuiltHighlights | undefined, lang: string, code: string): CodeLines | null {
  const lines = highlights?.files[lang];
  if (!lines) return null;
  const actual = code.split('\n');
  if (actual.length !== lines.length) return null;
  const result: CodeLines = [];
  for (let i = 0; i < lines.length; i++) {
    const tokens = decodeLine(lines[i]!, highlights.styles);
    if (!tokens) return null;
    const line = actual[i]!;
    const built = tokens.map((token) => token.parts.map((part) => part.text).join('')).join('');
    if (built !== line) {
      // The one changed stretch: what is left between the common start and the common end.
      const shorter = Math.min(built.length, line.length);
      let start = 0;
      while (start < shorter && built[start] === line[start]) start++;
      let tail = 0;
      while (tail < shorter - start && built[built.length - 1 - tail] === line[line.length - 1 - tail]) tail++;
      if (!replaceInPart(tokens, start, built.length - tail, line.slice(start, line.length - tail))) return null;
    }
    result.push(toCodeTokens(tokens));
  }
  return result;
}
