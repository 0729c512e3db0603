/**
 * ASCII-only variants of the grammars' patterns.
 *
 * Oniguruma's `\w`, `\s`, `[[:alpha:]]` … are Unicode-aware, so the translated patterns are
 * full of Unicode property escapes such as `[\p{L}\p{M}\p{N}\p{Pc}]`. Chromium spends about a
 * millisecond building and first running each such RegExp (thirty times what the same pattern
 * with ASCII classes costs), and a grammar's first highlight runs a hundred or more of them.
 * Most lines of code are pure ASCII, and on a pure-ASCII line a property escape can only ever
 * test ASCII characters: replacing each by the class of its ASCII members changes no match.
 * The scanner (regex-engine.ts) runs these variants on ASCII lines and the originals on others.
 */

/** Property name → the class body of its ASCII members (`\xHH` ranges), made at build time. */
export type AsciiClasses = Readonly<Record<string, string>>;

/**
 * Calls `replace` for each `\p{Name}` / `\P{Name}` escape of a pattern's source (escaped
 * backslashes respected) and puts its result in the escape's place; null keeps the escape.
 */
export function mapPropertyEscapes(source: string, replace: (negated: boolean, name: string) => string | null): string {
  let out = '';
  for (let pos = 0; pos < source.length; pos++) {
    const ch = source[pos]!;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = source[pos + 1] ?? '';
    const close = (next === 'p' || next === 'P') && source[pos + 2] === '{' ? source.indexOf('}', pos + 3) : -1;
    const replaced = close === -1 ? null : replace(next === 'P', source.slice(pos + 3, close));
    if (replaced === null) {
      out += ch + next;
      pos++;
    } else {
      out += replaced;
      pos = close;
    }
  }
  return out;
}

/**
 * The pattern with each property escape it has a class for replaced by that class (`[…]`, or
 * `[^…]` for `\P`), nested classes being valid wherever an escape is under the `v` flag.
 * Null where that does not apply: no `v` flag, case-insensitive (folding could reach ASCII
 * from outside it), or nothing to replace.
 */
export function asciiPattern(source: string, flags: string, classes: AsciiClasses): string | null {
  if (!flags.includes('v') || flags.includes('i') || !/\\[pP]\{/.test(source)) return null;
  let changed = false;
  const result = mapPropertyEscapes(source, (negated, name) => {
    const body = Object.hasOwn(classes, name) ? classes[name] : undefined;
    if (body === undefined) return null;
    changed = true;
    return negated ? `[^${body}]` : `[${body}]`;
  });
  return changed ? result : null;
}

const NON_ASCII = /[^\0-\x7f]/;

/** True for text made only of ASCII characters. */
export const isAscii = (text: string): boolean => !NON_ASCII.test(text);
