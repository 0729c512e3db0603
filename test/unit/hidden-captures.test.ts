import * as javascript from 'virtual:grammar/javascript';
import * as python from 'virtual:grammar/python';
import { describe, expect, it } from 'vitest';
import { HiddenCapturesRegExp, withoutTranslator } from '../../src/highlight/hidden-captures';
import { PrecompiledCache } from '../../src/highlight/precompiled-cache';
import { createPrecompiledEngine } from '../../src/highlight/regex-engine';
import { countProvisional, loadedTranslator, loadTranslator } from '../../src/highlight/translator-state';
import { referenceTokens, tokensWith } from './highlight-fixtures';

describe('hidden captures without the translator', () => {
  it('highlights Python type comments (a possessive quantifier) exactly, before the translator loads', () => {
    const code = 'import os  # type: ignore\nvalue = os.environ  # type: dict\n# plain comment\n';
    const cache = new PrecompiledCache();
    cache.addGrammar(python);
    const before = countProvisional();
    const ours = tokensWith(python, 'python', code, createPrecompiledEngine(cache));
    expect(countProvisional()).toBe(before);
    expect(loadedTranslator()).toBeNull();
    expect(ours).toEqual(referenceTokens(python, 'python', code));
  });

  it('takes the hidden groups out of a match and its indices', () => {
    const regex = new HiddenCapturesRegExp('(a)(?=(b+))\\2(c)', 'dg', [2]);
    const match = regex.exec('xabbc')!;
    expect([...match]).toEqual(['abbc', 'a', 'c']);
    expect([...match.indices!]).toEqual([
      [1, 5],
      [1, 2],
      [4, 5],
    ]);
    expect(regex.lastIndex).toBe(5);
  });

  it('matches as EmulatedRegExp does for every pattern of the grammars that hides captures', async () => {
    const { EmulatedRegExp } = await loadTranslator();
    const lines = ['# type: ignore\n', 'x = 1  # type:  int\n', 'const [a, b = "x"] = list;\n', '[ first ] = [ "a", b ]\n', 'none\n'];
    let checked = 0;
    for (const module of [python, javascript]) {
      for (const entry of module.compiled) {
        if (!Array.isArray(entry) || !entry[2]) continue;
        const [pattern, flags = 'dgv', options] = entry;
        const ours = withoutTranslator(pattern, flags, options);
        if (!ours) continue;
        const theirs = new EmulatedRegExp(pattern, flags, options);
        for (const line of lines) {
          ours.lastIndex = theirs.lastIndex = 0;
          const [a, b] = [theirs.exec(line), ours.exec(line)];
          expect(b && [...b], pattern).toEqual(a && [...a]);
          expect(b?.indices && [...b.indices]).toEqual(a?.indices && [...a.indices]);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });

  it('leaves other emulation to the translator', () => {
    expect(withoutTranslator('a', 'dgv', { strategy: 'clip_search' })).toBeUndefined();
    expect(withoutTranslator('a', 'dgv', { hiddenCaptures: [1], transfers: [[1, 2]] })).toBeUndefined();
    expect(withoutTranslator('a', 'dgv', { lazyCompile: true })).toBeInstanceOf(RegExp);
  });
});
