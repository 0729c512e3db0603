import { createJavaScriptRegexEngine, defaultJavaScriptRegexConstructor } from '@shikijs/engine-javascript';
import { codeToTokensBase, createShikiPrimitive } from '@shikijs/primitive';
import githubLight from '@shikijs/themes/github-light';
import { readFileSync } from 'node:fs';
import * as javascript from 'virtual:grammar/javascript';
import * as python from 'virtual:grammar/python';
import * as shellscript from 'virtual:grammar/shellscript';
import { describe, expect, it, vi } from 'vitest';
import type { GrammarModule } from '../../src/highlight/grammars';
import { PrecompiledCache } from '../../src/highlight/precompiled-cache';
import { scannerSources } from '../../src/highlight/scanner-sources';

const grammars: [string, GrammarModule, string][] = [
  ['python', python, 'shared/snippets/open-ai/chat-completion/py.hbs'],
  ['javascript', javascript, 'shared/snippets/open-ai/chat-completion/js.hbs'],
  ['shellscript', shellscript, 'shared/snippets/open-ai/chat-completion/sh.hbs'],
];

function tokens(module: GrammarModule, lang: string, code: string, cache?: PrecompiledCache) {
  // Counts the patterns translated from Oniguruma at run time.
  const translate = vi.fn((pattern: string) => defaultJavaScriptRegexConstructor(pattern));
  const engine = createJavaScriptRegexEngine({ forgiving: true, regexConstructor: translate, ...(cache ? { cache } : {}) });
  const primitive = createShikiPrimitive({ themes: [githubLight], langs: [...module.default], engine });
  const result = codeToTokensBase(primitive, code, { lang, theme: 'github-light' });
  return { result: result.map((line) => line.map(({ content, color }) => [content, color])), translate };
}

describe('grammars precompiled at build time', () => {
  it.each(grammars)('%s: a table entry for every pattern the scanner will see', (_, module) => {
    expect(module.compiled).toHaveLength(scannerSources(module.default).length);
    expect(module.compiled.filter((entry) => entry === 0)).toHaveLength(0);
  });

  it.each(grammars)('%s: highlights exactly as translating at run time does, translating almost nothing', (lang, module, file) => {
    const code = readFileSync(file, 'utf8');
    const cache = new PrecompiledCache();
    cache.addGrammar(module);
    const precompiled = tokens(module, lang, code, cache);
    const translated = tokens(module, lang, code);
    expect(precompiled.result).toEqual(translated.result);
    expect(translated.translate.mock.calls.length).toBeGreaterThan(20);
    // Only patterns built from the text being matched (back-references) are left to translate.
    expect(precompiled.translate.mock.calls.length).toBeLessThanOrEqual(2);
  });

  it('serves RegExps from the table without translating them', () => {
    const cache = new PrecompiledCache();
    cache.addGrammar(python);
    const source = scannerSources(python.default)[0]!;
    const regex = cache.get(source);
    expect(regex).toBeInstanceOf(RegExp);
    expect(cache.get(source)).toBe(regex);
    expect(cache.get('not a pattern of the grammar')).toBeUndefined();
  });
});
