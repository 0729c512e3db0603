import { defaultJavaScriptRegexConstructor } from '@shikijs/engine-javascript';
import type { LanguageRegistration } from '@shikijs/primitive';
import type { Plugin } from 'vite';
import { scannerSources } from '../src/highlight/scanner-sources.ts';
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
    '',
  ].join('\n');
}
