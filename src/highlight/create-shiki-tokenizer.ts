// Its own chunk, loaded only for code the build's tokens do not fit (see create-page-highlighter.ts).
import { createHighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import theme from 'virtual:shiki-theme';
import { colorIndex } from '../core/formats/token-colors.ts';
import type { Grammar } from '../core/languages.ts';
import type { Token, TokenLines } from '../core/types.ts';
import type { GrammarModule } from './grammar-loaders.ts';

export { grammarLoaders } from './grammar-loaders.ts';

/** Shiki, as the page uses it: grammars added as needed, code tokenized for both themes at once. */
export interface ShikiTokenizer {
  loadGrammar(grammar: Grammar, module: GrammarModule): Promise<void>;
  tokenize(code: string, grammar: Grammar): TokenLines;
}

/**
 * Shiki through its documented core API: `createHighlighterCore` with the JavaScript RegExp
 * engine (no WebAssembly, no `eval`: it runs under `script-src 'self'`) and the build's dual
 * theme, whose colour codes stand for (light, dark) pairs, so one pass colours both themes.
 */
export async function createShikiTokenizer(): Promise<ShikiTokenizer> {
  const highlighter = await createHighlighterCore({ themes: [theme], langs: [], engine: createJavaScriptRegexEngine() });
  return {
    async loadGrammar(_grammar, module) {
      await highlighter.loadLanguage(module.default);
    },
    tokenize(code, grammar) {
      // Shiki breaks lines at "\r\n" too, and drops the "\r": put it back, so the tokens' text is the code.
      const endings = code.split('\n').map((line) => line.endsWith('\r'));
      return highlighter.codeToTokensBase(code, { lang: grammar, theme: theme.name! }).map((line, i) => {
        const tokens = line.map(({ content, color, fontStyle }) => {
          const token: Token = { text: content };
          const index = colorIndex(color);
          if (index !== undefined) token.color = index;
          if (fontStyle && fontStyle > 0) token.fontStyle = fontStyle;
          return token;
        });
        if (endings[i]) tokens.push({ text: '\r' });
        return tokens;
      });
    },
  };
}
