import { createHighlighterCore, type HighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { beforeAll, describe, expect, it } from 'vitest';
import { dualTheme, slimTheme, type SlimTheme } from '../../build/dual-theme.ts';
import type { Palette } from '../../src/core/formats/token-colors.ts';
import { grammarOf, GRAMMARS } from '../../src/core/languages.ts';
import type { TokenLines } from '../../src/core/types.ts';
import { grammarLoaders } from '../../src/highlight/create-shiki-tokenizer.ts';
import { loadChunk, loadChunks, renderWith, shiki } from '../support/library.ts';

let light: SlimTheme;
let dark: SlimTheme;
let palette: Palette;
let twoPasses: HighlighterCore;

beforeAll(async () => {
  light = await slimTheme({ name: 'github-light', background: '#ffffff' });
  dark = await slimTheme({ name: 'github-dark', background: '#0d1117' });
  palette = dualTheme(light, dark).palette;
  const langs = await Promise.all(GRAMMARS.map(async (grammar) => (await grammarLoaders[grammar]()).default));
  twoPasses = await createHighlighterCore({ themes: [light, dark], langs: langs.flat(), engine: createJavaScriptRegexEngine() });
});

/** Every character's [light colour, dark colour, font style]: token boundaries aside, what the reader sees. */
function perCharacter(lines: TokenLines): string[][] {
  return lines.map((line) =>
    line.flatMap((token) => {
      const [lightColour, darkColour] = token.color === undefined ? [] : palette[token.color]!;
      return [...token.text].map(() => [lightColour?.toLowerCase(), darkColour?.toLowerCase(), token.fontStyle ?? 0].join(' '));
    }),
  );
}

/** Shiki's own way: the two themes, one tokenizing pass per theme. */
function reference(code: string, lang: string): string[][] {
  const grammar = grammarOf(lang)!;
  return twoPasses
    .codeToTokensWithThemes(code, { lang: grammar, themes: { light: light.name, dark: dark.name } })
    .map((line) =>
      line.flatMap(({ content, variants }) =>
        [...content].map(() => [variants.light?.color?.toLowerCase(), variants.dark?.color?.toLowerCase(), variants.light?.fontStyle || 0].join(' ')),
      ),
    );
}

describe('one tokenizing pass for both themes', () => {
  it('colours every sample of the library as two passes with github-light and github-dark do', async () => {
    const tokenizer = await shiki();
    let compared = 0;
    for (const chunk of await loadChunks()) {
      for (const file of renderWith(chunk)) {
        expect(perCharacter(tokenizer.tokenize(file.displayCode, grammarOf(file.lang)!)), `${chunk.id} ${file.lang}`).toEqual(reference(file.displayCode, file.lang));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(90);
  }, 60_000);

  it('colours lines with non-ASCII text and masked keys the same way', async () => {
    const tokenizer = await shiki();
    const chunk = await loadChunk('open-ai.chat-completion');
    for (const file of renderWith(chunk, { prompt: 'Résumé: 日本語 — naïve café ✓', apiKey: 'sk-live-abcdef123456' })) {
      expect(file.displayCode).toContain('••••');
      expect(perCharacter(tokenizer.tokenize(file.displayCode, grammarOf(file.lang)!)), file.lang).toEqual(reference(file.displayCode, file.lang));
    }
  });

  it('keeps the themes apart: a keyword differs on white and on black', async () => {
    const [line] = (await shiki()).tokenize('import os  # note', 'python');
    const keyword = line!.find((token) => token.text === 'import')!;
    const keywordRule = (theme: SlimTheme) => theme.tokenColors.find((rule) => rule.scope?.includes('keyword'))!.settings.foreground;
    expect(palette[keyword.color!]).toEqual([keywordRule(light), keywordRule(dark)]);
    const comment = line!.find((token) => token.text.includes('note'))!;
    expect(comment.color).not.toBe(keyword.color);
  });

  it('refuses themes whose rules differ beyond their colours', () => {
    const changed = { ...dark, tokenColors: dark.tokenColors.map((rule, i) => (i === 3 ? { ...rule, scope: 'something.else' } : rule)) };
    expect(() => dualTheme(light, changed)).toThrow(/Token rule 3 .* differs between github-light and github-dark/);
    expect(() => dualTheme(light, { ...dark, tokenColors: dark.tokenColors.slice(1) })).toThrow(/cannot share one tokenizing pass/);
  });

  it('codes each distinct pair of colours once', () => {
    const { theme } = dualTheme(light, dark);
    expect(new Set(palette.map((pair) => pair.join(' '))).size).toBe(palette.length);
    const codes = theme.tokenColors.flatMap((rule) => (rule.settings.foreground ? [rule.settings.foreground] : []));
    for (const code of codes) expect(parseInt(code.slice(1), 16)).toBeLessThan(palette.length);
  });
});
