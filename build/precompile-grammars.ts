import { defaultJavaScriptRegexConstructor } from '@shikijs/engine-javascript';
import type { LanguageRegistration } from '@shikijs/primitive';
import type { Plugin } from 'vite';
import { HOLE, type HoledPattern } from '../src/highlight/back-references.ts';
import { backReferencedSources, patternVariants, scannerSources } from '../src/highlight/scanner-sources.ts';
import { asciiClasses } from './ascii-classes.ts';

const PREFIX = 'virtual:grammar/';

/**
 * One compiled pattern: 1 when the JavaScript source is the pattern itself (half of Python's),
 * else its source, then its flags when they are not the usual "dgv", then an EmulatedRegExp's
 * options; 0 when it cannot be translated.
 */
export type CompiledPattern = 0 | 1 | [source: string, flags?: string, options?: object];

export const USUAL_FLAGS = 'dgv';

/**
 * Serves each Shiki grammar with its patterns already translated from Oniguruma to
 * JavaScript: translating them is most of the cost of a grammar's first use in the browser
 * (about 3× the rest for JavaScript). The browser builds plain RegExp objects from the
 * table (no eval involved) and only translates what the table cannot know ahead.
 */
export function precompileGrammars(): Plugin {
  return {
    name: 'snippets:precompile-grammars',
    // Hook filters: the bundler calls these only for our ids, not for every module.
    resolveId: { filter: { id: /^virtual:grammar\// }, handler: (id) => `\0${id}` },
    load: {
      filter: { id: /^\0virtual:grammar\// },
      handler(id) {
        const name = id.slice(PREFIX.length + 1);
        if (!/^[a-z]+$/.test(name)) return this.error(`Unknown grammar "${name}".`);
        return grammarModule(name);
      },
    },
  };
}

/** The module of one grammar: the grammar itself, and its patterns translated (see CompiledPattern). */
async function grammarModule(name: string): Promise<string> {
  const { default: langs } = (await import(`@shikijs/langs/${name}`)) as { default: LanguageRegistration[] };
  const sources = scannerSources(langs);
  const compiled: CompiledPattern[] = sources.map((source) => {
    try {
      // ES2024 (the `v` flag): the browser uses this table only where `v` is supported.
      const regex = defaultJavaScriptRegexConstructor(source, { target: 'ES2024' }) as RegExp & { rawOptions?: object };
      if (regex.rawOptions) return [regex.source, regex.flags, regex.rawOptions];
      if (regex.flags !== USUAL_FLAGS) return [regex.source, regex.flags];
      return regex.source === source ? 1 : [regex.source];
    } catch {
      // Not translatable: the engine skips it at run time too (forgiving mode).
      return 0;
    }
  });
  const patterns = compiled.flatMap((entry, i) => (entry === 1 ? [sources[i]!] : entry === 0 ? [] : [entry[0]]));
  return [
    `export { default } from ${JSON.stringify(`@shikijs/langs/${name}`)};`,
    `export const compiled = ${JSON.stringify(compiled)};`,
    `export const ascii = ${JSON.stringify(asciiClasses(patterns))};`,
    `export const holed = ${JSON.stringify(holedPatterns(langs))};`,
    '',
  ].join('\n');
}

/** True when `mark` sits inside a character class of the pattern `source`. */
function insideClass(source: string, mark: string): boolean {
  let depth = 0;
  for (let pos = 0; pos < source.length; pos++) {
    const ch = source[pos]!;
    if (ch === '\\') pos++;
    else if (ch === '[') depth++;
    else if (ch === ']' && depth > 0) depth--;
    else if (ch === mark) return depth > 0;
  }
  return false;
}

/**
 * The grammar's back-referenced patterns with one back-reference, translated with a hole
 * (src/highlight/back-references.ts). Left to the run-time translator: several
 * back-references, one right after a backslash, case-insensitive ones, and any whose hole
 * the translation moves into a class or duplicates.
 */
function holedPatterns(langs: LanguageRegistration[]): HoledPattern[] {
  const out: HoledPattern[] = [];
  for (const raw of backReferencedSources(langs)) {
    const refs = [...raw.matchAll(/\\(\d+)/g)];
    if (refs.length !== 1 || raw[refs[0]!.index - 1] === '\\' || /\(\?[a-z]*i/.test(raw)) continue;
    const withHole = raw.replace(/\\(\d+)/, HOLE);
    for (const variant of patternVariants(withHole)) {
      const [before, after, ...more] = variant.split(HOLE);
      if (more.length || before === undefined || after === undefined) continue;
      let regex: RegExp & { rawOptions?: object };
      try {
        regex = defaultJavaScriptRegexConstructor(variant, { target: 'ES2024' }) as RegExp & { rawOptions?: object };
      } catch {
        continue;
      }
      if (regex.source.split(HOLE).length !== 2 || insideClass(regex.source, HOLE) || regex.flags.includes('i')) continue;
      const entry: HoledPattern = [before, after, regex.source];
      if (regex.rawOptions) entry.push(regex.flags, regex.rawOptions);
      else if (regex.flags !== USUAL_FLAGS) entry.push(regex.flags);
      // Anchor variants that do not touch this pattern's anchors come out the same.
      if (!out.some((known) => JSON.stringify(known) === JSON.stringify(entry))) out.push(entry);
    }
  }
  return out;
}
