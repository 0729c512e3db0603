/**
 * Patterns built from matched text, translated at build time with a hole.
 *
 * An `end` or `while` pattern such as Python's `(\2)|((?<!\\)\n)` refers back to what its
 * `begin` matched (the quote that opened a string, a heredoc's word); vscode-textmate puts
 * that text, escaped, in place of the back-reference and asks for the resulting pattern. The
 * build translates each such pattern once with a hole where the text goes, so the page fills
 * the hole instead of loading the Oniguruma translator for a string's closing quote.
 */

/** [text before the hole, text after it (both as vscode-textmate writes the pattern), the JavaScript pattern with the hole, its flags when not "dgv", an EmulatedRegExp's options]. */
export type HoledPattern = [before: string, after: string, pattern: string, flags?: string, options?: object];

/** Stands for the matched text in a holed pattern: a private-use character no grammar contains. */
export const HOLE = '\uE000';

/** What vscode-textmate escapes in matched text before putting it in a pattern (its escapeRegExpCharacters). */
const ESCAPED = /[-\\{}*+?|^$.,[\]()#\s]/;

/** The matched text back from its escaped form; null when `inserted` cannot be one. */
export function unescapeInserted(inserted: string): string | null {
  let text = '';
  for (let i = 0; i < inserted.length; i++) {
    const ch = inserted[i]!;
    if (ch !== '\\') {
      if (ESCAPED.test(ch)) return null;
      text += ch;
      continue;
    }
    const next = inserted[i + 1];
    if (next === undefined || !ESCAPED.test(next)) return null;
    text += next;
    i++;
  }
  return text;
}

/** Text as literal characters of a JavaScript pattern (`u`/`v` flag, outside a class). */
const literal = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/**
 * The JavaScript pattern for `pattern` if it is one of `holed` with text in the hole (the
 * one with the most pattern around the hole, where several fit), else null.
 */
export function fillHole(holed: readonly HoledPattern[], pattern: string): { source: string; flags: string; options?: object } | null {
  let best: { entry: HoledPattern; text: string } | null = null;
  for (const entry of holed) {
    const [before, after] = entry;
    if (pattern.length < before.length + after.length || !pattern.startsWith(before) || !pattern.endsWith(after)) continue;
    if (best && best.entry[0].length + best.entry[1].length >= before.length + after.length) continue;
    const text = unescapeInserted(pattern.slice(before.length, pattern.length - after.length));
    if (text !== null) best = { entry, text };
  }
  if (!best) return null;
  const [, , source, flags = 'dgv', options] = best.entry;
  const filled = source.replace(HOLE, () => literal(best.text));
  return options ? { source: filled, flags, options } : { source: filled, flags };
}
