import { STRING_SAFE } from '../plain-values.ts';
import type { Token, TokenLines } from '../types.ts';
import { colorIndex } from './token-colors.ts';

/**
 * Tokens the build made for a snippet's code as rendered with its defaults, and how the page
 * reuses them for the code it actually shows.
 *
 * A page mostly changes values inside string literals (a model id, a URL, a masked key) or
 * digits of a number. Replacing characters inside a string's text with plain ones (letters,
 * digits, `-./:` …, see `STRING_SAFE`) changes no token of the program but that one, so the
 * build's tokens stay right with that part's text swapped. Anything else (double quotes,
 * backslashes, `$`, `{`, a line added by a condition, two values on one line) is left to
 * Shiki at run time. test/unit/prebuilt-highlights.test.ts checks the reuse against Shiki
 * over the whole library.
 */

/** What a part of a token may be changed to: nothing, plain string text, or digits. */
export const FIXED = 0;
export const STRING_TEXT = 1;
export const DIGITS = 2;

/** [palette index or -1, Shiki's font-style flags] of a token. */
export type PrebuiltStyle = readonly [color: number, fontStyle: number];

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

/** A token as Shiki gives it with `includeExplanation: 'scopeName'`: the grammar's parts it was merged from. */
export interface ExplainedToken {
  content: string;
  color?: string;
  fontStyle?: number;
  explanation?: readonly { content: string; scopes: readonly { scopeName: string }[] }[];
}

/** Encodes Shiki's explained tokens of each language's default rendering (the build's side). */
export function encodePrebuiltHighlights(files: Readonly<Record<string, readonly (readonly ExplainedToken[])[]>>): PrebuiltHighlights {
  const styles: PrebuiltStyle[] = [];
  const styleIndex = new Map<string, number>();
  const indexOf = (style: PrebuiltStyle) => {
    const key = style.join(' ');
    let index = styleIndex.get(key);
    if (index === undefined) {
      index = styles.push(style) - 1;
      styleIndex.set(key, index);
    }
    return index;
  };
  const encoded: Record<string, PrebuiltLine[]> = {};
  for (const [lang, lines] of Object.entries(files)) {
    encoded[lang] = lines.map((line) =>
      line.flatMap(({ content, color, fontStyle, explanation }) => {
        const parts = explanation ?? [{ content, scopes: [] }];
        if (parts.map((part) => part.content).join('') !== content) {
          throw new Error(`${lang}: Shiki's explanation of ${JSON.stringify(content)} does not add up to the token`);
        }
        return [
          indexOf([colorIndex(color) ?? -1, fontStyle && fontStyle > 0 ? fontStyle : 0]),
          ...parts.map(({ content: text, scopes }) => {
            const kind = partKind(scopes.map((scope) => scope.scopeName));
            return kind === FIXED ? text : ([kind, text] as const);
          }),
        ];
      }),
    );
  }
  return { styles, files: encoded };
}

/** What a part whose innermost scope is this may become. */
function partKind(scopes: string[]): number {
  const inner = scopes[scopes.length - 1] ?? '';
  // The text of a string literal: not its quotes, escapes, placeholders, nor a regex.
  if (/^string\./.test(inner) && !/^string\.regexp/.test(inner)) return STRING_TEXT;
  if (/^constant\.numeric/.test(inner)) return DIGITS;
  return FIXED;
}

const DIGITS_ONLY = /^[0-9]*$/;

interface Part {
  kind: number;
  text: string;
}
interface DecodedToken {
  style: PrebuiltStyle;
  parts: Part[];
}

function decodeLine(line: PrebuiltLine, styles: readonly PrebuiltStyle[]): DecodedToken[] | null {
  const tokens: DecodedToken[] = [];
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
function replaceInPart(tokens: DecodedToken[], from: number, to: number, inserted: string): boolean {
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

const toTokens = (tokens: DecodedToken[]): Token[] =>
  tokens.map(({ style: [color, fontStyle], parts }) => {
    const token: Token = { text: parts.map((part) => part.text).join('') };
    if (color >= 0) token.color = color;
    if (fontStyle) token.fontStyle = fontStyle;
    return token;
  });

/**
 * The tokens of `code` (a template's rendering in `lang`) from the build's tokens of its
 * default rendering, or null when they cannot be reused exactly (the page's side).
 */
export function adaptTokens(highlights: PrebuiltHighlights | null | undefined, lang: string, code: string): TokenLines | null {
  const lines = highlights?.files[lang];
  if (!lines) return null;
  const actual = code.split('\n');
  if (actual.length !== lines.length) return null;
  const result: TokenLines = [];
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
    result.push(toTokens(tokens));
  }
  return result;
}
