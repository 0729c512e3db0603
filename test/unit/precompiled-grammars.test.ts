import { readFileSync } from 'node:fs';
import * as javascript from 'virtual:grammar/javascript';
import * as python from 'virtual:grammar/python';
import * as shellscript from 'virtual:grammar/shellscript';
import { snippetLoaders } from 'virtual:snippet-library';
import { describe, expect, it } from 'vitest';
import { resolveValues } from '../../src/core/resolve-values';
import { renderSnippet } from '../../src/render/render-snippet';
import type { GrammarModule } from '../../src/highlight/grammars';
import { PrecompiledCache } from '../../src/highlight/precompiled-cache';
import { scannerSources } from '../../src/highlight/scanner-sources';
import { countProvisional, loadedTranslator, loadTranslator } from '../../src/highlight/translator-state';
import { librarySamples, precompiledEngine as precompiled, referenceTokens as reference, tokensWith as tokens } from './highlight-fixtures';

const grammars: [string, GrammarModule, string][] = [
  ['python', python, 'shared/snippets/open-ai/chat-completion/py.hbs'],
  ['javascript', javascript, 'shared/snippets/open-ai/chat-completion/js.hbs'],
  ['shellscript', shellscript, 'shared/snippets/open-ai/chat-completion/sh.hbs'],
];

describe('grammars precompiled at build time', () => {
  it.each(grammars)('%s: a table entry for every pattern the scanner will see', (_, module) => {
    expect(module.compiled).toHaveLength(scannerSources(module.default).length);
    expect(module.compiled.filter((entry) => entry === 0)).toHaveLength(0);
  });

  // Runs first, while the translator chunk has not loaded: the page's first highlight (a
  // string's closing quote comes from the build's holed translations; the few patterns that
  // need emulation are tried provisionally until the translator is in).
  it('highlights a Python sample with no translator and nothing provisional: its tokens are final', async () => {
    const template = (await snippetLoaders['open-ai.chat-completion']!()).default;
    const code = renderSnippet(template, resolveValues(template.id, template.config)).files.find((f) => f.lang === 'py')!.displayCode;
    // Every Python scanner holds the comment rule's pattern, whose hidden capture is taken out
    // without the translator; the strings' closing quotes come from the holed translations.
    expect(code).toMatch(/"[^"]*"/);
    const before = countProvisional();
    expect(tokens(python, 'python', code, precompiled(python))).toEqual(reference(python, 'python', code));
    expect(countProvisional()).toBe(before);
    expect(loadedTranslator()).toBeNull();
  });

  it.each([
    ['python', python, 'py'],
    ['javascript', javascript, 'js'],
  ] as const)('%s: highlights every sample of the library exactly, from the first highlight', async (lang, module, ext) => {
    if (lang === 'python') expect(loadedTranslator()).toBeNull();
    for (const { id, code } of (await librarySamples()).filter((sample) => sample.lang === ext)) {
      expect(tokens(module, lang, code, precompiled(module)), id).toEqual(reference(module, lang, code));
    }
  }, 60_000);

  it.each(grammars)('%s: highlights exactly as translating at run time does, once the translator is in', async (lang, module, file) => {
    await loadTranslator();
    const code = readFileSync(file, 'utf8');
    const before = countProvisional();
    expect(tokens(module, lang, code, precompiled(module))).toEqual(reference(module, lang, code));
    expect(countProvisional()).toBe(before);
  });

  it('serves RegExps from the table, and nothing for patterns it does not have', () => {
    const cache = new PrecompiledCache();
    cache.addGrammar(python);
    const source = scannerSources(python.default)[0]!;
    const regex = cache.get(source);
    expect(regex).toBeInstanceOf(RegExp);
    expect(cache.get(source)).toBe(regex);
    expect(cache.get('not a pattern of the grammar')).toBeUndefined();
  });
});
