import { createHighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import type { ExplainedToken } from '../src/core/formats/prebuilt-highlights.ts';
import { GRAMMARS, type Grammar } from '../src/core/languages.ts';
import { grammarLoaders } from '../src/highlight/grammar-loaders.ts';
import { loadDualTheme } from './dual-theme.ts';

/** The build's Shiki: every grammar the library uses, the page's dual theme, the page's engine. */
export interface BuildHighlighter {
  /** Tokens of `code` with the grammar's parts each was merged from (see core/formats/prebuilt-highlights.ts). */
  explain(code: string, grammar: Grammar): ExplainedToken[][];
}

let created: Promise<BuildHighlighter> | null = null;

/**
 * One Shiki for the whole build, the same engine and theme the page highlights with: the
 * tokens the build ships are the tokens the page would make.
 */
export function createBuildHighlighter(): Promise<BuildHighlighter> {
  created ??= (async () => {
    const { theme } = await loadDualTheme();
    const langs = await Promise.all(GRAMMARS.map(async (name) => (await grammarLoaders[name]()).default));
    const highlighter = await createHighlighterCore({ themes: [theme], langs: langs.flat(), engine: createJavaScriptRegexEngine() });
    return {
      explain: (code, grammar) => highlighter.codeToTokensBase(code, { lang: grammar, theme: theme.name, includeExplanation: 'scopeName' }),
    };
  })();
  return created;
}
