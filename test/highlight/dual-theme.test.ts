import { createJavaScriptRegexEngine } from '@shikijs/engine-javascript';
import { codeToTokensWithThemes, createShikiPrimitive } from '@shikijs/primitive';
import { snippetIds, snippetLoaders } from 'virtual:snippet-library';
import * as javascript from 'virtual:grammar/javascript';
import * as python from 'virtual:grammar/python';
import * as shellscript from 'virtual:grammar/shellscript';
import { beforeAll, describe, expect, it } from 'vitest';
import { dualTheme, slimTheme, type SlimTheme } from '../../build/slim-themes';
import { LANGUAGES } from '../../src/core/languages';
import { resolveValues } from '../../src/core/resolve-values';
import type { CodeLines, Grammar } from '../../src/highlight/highlighter';
import { loadGrammar, tokenize } from '../../src/highlight/highlighter';
import { loadTranslator } from '../../src/highlight/translator-state';
import { renderSnippet } from '../../src/render/render-snippet';
import { librarySamples } from './highlight-fixtures';

const modules = { python, javascript, shellscript } as const;
let light: SlimTheme;
let dark: SlimTheme;

beforeAll(async () => {
  light = await slimTheme({ name: 'github-light', background: '#ffffff' });
  dark = await slimTheme({ name: 'github-dark', background: '#0d1117' });
  // Patterns built from matched text (heredoc ends) need the translator; with it in, the
  // regexes are exactly Shiki's own and only the colouring differs between the two sides.
  await loadTranslator();
});

/** Every character's [light colour, dark colour, font style]: token boundaries aside, what the reader sees. */
function perCharacter(lines: CodeLines): string[][] {
  return lines.map((line) =>
    line.flatMap((token) => [...token.text].map(() => [token.light?.toLowerCase(), token.dark?.toLowerCase(), token.fontStyle ?? 0].join(' '))),
  );
}

/** Shiki's own way: its JavaScript engine, the two themes, one tokenizing pass per theme. */
const primitives = new Map<string, ReturnType<typeof createShikiPrimitive>>();
function reference(code: string, grammar: keyof typeof modules): CodeLines {
  let primitive = primitives.get(grammar);
  if (!primitive) {
    primitive = createShikiPrimitive({ themes: [light, dark], langs: [...modules[grammar].default], engine: createJavaScriptRegexEngine({ forgiving: true }) });
    primitives.set(grammar, primitive);
  }
  return codeToTokensWithThemes(primitive, code, { lang: grammar, themes: { light: light.name, dark: dark.name } }).map((line) =>
    line.map(({ content, variants }) => ({
      text: content,
      light: variants.light?.color,
      dark: variants.dark?.color,
      fontStyle: variants.light?.fontStyle || undefined,
    })),
  );
}

describe('one tokenizing pass for both themes', () => {
  it('colours every sample of the library as two passes with github-light and github-dark do', async () => {
    let compared = 0;
    for (const { id, lang, code } of await librarySamples()) {
      const grammar = LANGUAGES[lang]?.grammar as Grammar & keyof typeof modules;
      await loadGrammar(grammar);
      expect(perCharacter(tokenize(code, grammar)!), `${id} ${lang}`).toEqual(perCharacter(reference(code, grammar)));
      compared++;
    }
    expect(compared).toBe(snippetIds.length * 3);
  }, 60_000);

  it('colours lines with non-ASCII text (scanned with the full Unicode patterns) the same way', async () => {
    const template = (await snippetLoaders['open-ai.chat-completion']!()).default;
    const values = resolveValues(template.id, template.config, { prompt: 'Résumé: 日本語 — naïve café ✓', apiKey: 'sk-live-abcdef123456' });
    for (const file of renderSnippet(template, values).files) {
      expect(file.displayCode).toContain('••••');
      const grammar = LANGUAGES[file.lang]?.grammar as Grammar & keyof typeof modules;
      await loadGrammar(grammar);
      expect(perCharacter(tokenize(file.displayCode, grammar)!), file.lang).toEqual(perCharacter(reference(file.displayCode, grammar)));
    }
  });

  it('keeps the themes apart: a keyword is red on white and pink-red on black, comments italic in neither', async () => {
    await loadGrammar('python');
    const [line] = tokenize('import os  # note', 'python')!;
    const keyword = line!.find((token) => token.text === 'import')!;
    expect([keyword.light, keyword.dark]).toEqual([light.tokenColors.find((r) => r.scope?.includes('keyword'))!.settings.foreground, dark.tokenColors.find((r) => r.scope?.includes('keyword'))!.settings.foreground]);
    expect(keyword.light).not.toBe(keyword.dark);
    const comment = line!.find((token) => token.text.includes('note'))!;
    expect(comment.light).not.toBe(keyword.light);
  });

  it('refuses themes whose rules differ beyond their colours', () => {
    const changed = { ...dark, tokenColors: dark.tokenColors.map((rule, i) => (i === 3 ? { ...rule, scope: 'something.else' } : rule)) };
    expect(() => dualTheme(light, changed)).toThrow(/Token rule 3 .* differs between github-light and github-dark/);
    expect(() => dualTheme(light, { ...dark, tokenColors: dark.tokenColors.slice(1) })).toThrow(/cannot share one tokenizing pass/);
  });

  it('codes each distinct pair of colours once', () => {
    const { theme, palette } = dualTheme(light, dark);
    const pairs = new Set(palette.map((pair) => pair.join(' ')));
    expect(pairs.size).toBe(palette.length);
    const codes = theme.tokenColors.flatMap((rule) => (rule.settings.foreground ? [rule.settings.foreground] : []));
    for (const code of codes) expect(parseInt(code.slice(1), 16)).toBeLessThan(palette.length);
  });
});
