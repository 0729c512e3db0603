import type { LanguageRegistration } from '@shikijs/primitive';

const BACK_REFERENCE = /\\(\d+)/;

/** What vscode-textmate does to a pattern before handing it to the regex engine: `\z` becomes a lookaround. */
function rewriteZ(source: string): string {
  // Most patterns have none: skip the walk (a grammar's first use walks hundreds of them).
  if (!source.includes('\\z')) return source;
  let out = '';
  for (let pos = 0; pos < source.length; pos++) {
    const ch = source[pos]!;
    if (ch === '\\' && pos + 1 < source.length) {
      const next = source[pos + 1]!;
      out += next === 'z' ? '$(?!\\n)(?<!\\n)' : ch + next;
      pos++;
    } else out += ch;
  }
  return out;
}

/** vscode-textmate's four `\A`/`\G` variants of an anchored pattern (a disallowed anchor becomes U+FFFF). */
function anchorVariants(source: string): string[] {
  const variants = [[], [], [], []] as string[][];
  const allow = [
    [false, false],
    [false, true],
    [true, false],
    [true, true],
  ] as const;
  for (let pos = 0; pos < source.length; pos++) {
    const ch = source[pos]!;
    variants.forEach((v) => v.push(ch));
    if (ch === '\\' && pos + 1 < source.length) {
      const next = source[pos + 1]!;
      variants.forEach((v, i) => {
        const [a, g] = allow[i]!;
        v.push((next === 'A' && !a) || (next === 'G' && !g) ? '\uFFFF' : next);
      });
      pos++;
    }
  }
  return variants.map((v) => v.join(''));
}

/** The pattern strings vscode-textmate makes from one rule pattern: `\z` rewritten, and its anchor variants. */
export function patternVariants(raw: string): string[] {
  const source = rewriteZ(raw);
  // `\\A` is an escaped backslash and an "A": only an odd run of backslashes makes an anchor.
  const anchored = /\\[AG]/.test(source) && /\\[AG]/.test(source.replace(/\\\\/g, ''));
  return anchored ? anchorVariants(source) : [source];
}

/** A grammar's rule patterns (`match`, `begin`, `end`, `while`) as written, in order: the plain ones, and those referring back to their `begin`'s captures. */
function rulePatterns(langs: readonly LanguageRegistration[]): { plain: Set<string>; backReferenced: Set<string> } {
  const plain = new Set<string>();
  const backReferenced = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const rule = node as Record<string, unknown>;
    for (const key of ['match', 'begin', 'end', 'while']) {
      const raw = rule[key];
      if (typeof raw !== 'string') continue;
      if ((key === 'end' || key === 'while') && BACK_REFERENCE.test(raw)) backReferenced.add(raw);
      else plain.add(raw);
    }
    for (const value of Object.values(rule)) if (value && typeof value === 'object') visit(value);
  };
  visit(langs);
  return { plain, backReferenced };
}

/**
 * Every pattern string a grammar will hand the regex engine, in a fixed order: the build
 * compiles them ahead of time and the browser pairs them with the compiled table by
 * position. Patterns that depend on text matched at run time (back-references in `end` and
 * `while`) are left out: see `backReferencedSources`.
 */
export function scannerSources(langs: readonly LanguageRegistration[]): string[] {
  const found = new Set<string>();
  for (const raw of rulePatterns(langs).plain) patternVariants(raw).forEach((variant) => found.add(variant));
  return [...found];
}

/** The `end` and `while` patterns that refer back to what their `begin` matched, as written. */
export function backReferencedSources(langs: readonly LanguageRegistration[]): string[] {
  return [...rulePatterns(langs).backReferenced];
}
