import * as javascript from 'virtual:grammar/javascript';
import * as python from 'virtual:grammar/python';
import * as shellscript from 'virtual:grammar/shellscript';
import { describe, expect, it } from 'vitest';
import { asciiClasses } from '../../build/ascii-classes';
import { asciiPattern, isAscii, mapPropertyEscapes } from '../../src/highlight/ascii-pattern';
import { PrecompiledCache } from '../../src/highlight/precompiled-cache';
import { scannerSources } from '../../src/highlight/scanner-sources';
import { librarySamples } from './highlight-fixtures';

const CLASSES = { L: '\\x41-\\x5a\\x61-\\x7a', M: '', space: '\\x09-\\x0d\\x20' };

describe('ASCII variants of patterns', () => {
  it('replaces property escapes inside and outside classes, negated ones as negated classes', () => {
    expect(asciiPattern('\\b[\\p{L}\\p{M}]+\\P{space}', 'dgv', CLASSES)).toBe(
      '\\b[[\\x41-\\x5a\\x61-\\x7a][]]+[^\\x09-\\x0d\\x20]',
    );
  });

  it('leaves an escaped backslash followed by "p{" alone', () => {
    expect(mapPropertyEscapes('\\\\p{L}\\p{L}', (_, name) => `<${name}>`)).toBe('\\\\p{L}<L>');
  });

  it('keeps properties it has no class for, and patterns it must not touch', () => {
    expect(asciiPattern('\\p{Greek}\\p{L}', 'dgv', CLASSES)).toBe('\\p{Greek}[\\x41-\\x5a\\x61-\\x7a]');
    expect(asciiPattern('\\p{L}', 'dgu', CLASSES)).toBeNull(); // nested classes need `v`
    expect(asciiPattern('\\p{L}', 'dgiv', CLASSES)).toBeNull(); // case folding crosses into ASCII
    expect(asciiPattern('[a-z]+', 'dgv', CLASSES)).toBeNull();
  });

  it('makes each class from the ASCII members of the property itself', () => {
    const classes = asciiClasses(['\\p{L}', '[\\P{Nd}\\p{Pc}]', '\\p{RGI_Emoji}']);
    expect(Object.keys(classes)).toEqual(['L', 'Nd', 'Pc']); // a property of strings has no class
    for (const [name, body] of Object.entries(classes)) {
      for (let code = 0; code < 128; code++) {
        const ch = String.fromCharCode(code);
        expect(new RegExp(`[${body}]`, 'v').test(ch), `${name} ${code}`).toBe(new RegExp(`\\p{${name}}`, 'v').test(ch));
      }
    }
  });

  it('tells pure-ASCII text apart', () => {
    expect(isAscii('print("hello")\n')).toBe(true);
    expect(isAscii('print("héllo")')).toBe(false);
    expect(isAscii('key = "••••1234"')).toBe(false);
  });

  it("match exactly as the full patterns do on every ASCII line of the library's samples", async () => {
    const grammars = { py: python, js: javascript, sh: shellscript };
    const lines = { py: new Set<string>(), js: new Set<string>(), sh: new Set<string>() };
    for (const sample of await librarySamples()) {
      const own = lines[sample.lang as keyof typeof lines];
      for (const line of sample.code.split('\n')) if (isAscii(line)) own.add(`${line}\n`);
    }
    const same = (a: RegExpExecArray | null, b: RegExpExecArray | null) =>
      a?.index === b?.index && JSON.stringify(a?.indices) === JSON.stringify(b?.indices);
    const mismatches: string[] = [];
    let variants = 0;
    for (const [lang, module] of Object.entries(grammars)) {
      const cache = new PrecompiledCache();
      cache.addGrammar(module);
      for (const source of scannerSources(module.default)) {
        const full = cache.get(source);
        const ascii = cache.ascii.get(source);
        if (!(full instanceof RegExp) || !(ascii instanceof RegExp) || ascii === full) continue;
        variants++;
        for (const line of lines[lang as keyof typeof lines]) {
          for (const start of [0, line.length >> 1]) {
            full.lastIndex = ascii.lastIndex = start;
            if (!same(full.exec(line), ascii.exec(line))) mismatches.push(`${source} at ${start} of ${JSON.stringify(line)}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(variants).toBeGreaterThan(100);
  }, 60_000);
});
