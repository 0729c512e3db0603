import { JavaScriptScanner } from '@shikijs/engine-javascript';
import { createJavaScriptRawEngine } from '@shikijs/engine-javascript/raw';
import type { RegexEngine } from '@shikijs/primitive';
import type { PrecompiledCache } from './precompiled-cache';
import { loadedTranslator, loadTranslator, markProvisional } from './translator-state';

/**
 * Shiki's JavaScript regex scanner over the build's precompiled patterns. A pattern the
 * tables do not have (one built from matched text, such as a heredoc's end, or one that
 * needs emulation) goes through the Oniguruma translator, which loads on first need; until
 * it is in, the pattern is tried as a JavaScript regex as it stands, provisionally.
 */
export function createPrecompiledEngine(cache: PrecompiledCache): RegexEngine {
  const { createString } = createJavaScriptRawEngine();
  const regexConstructor = (pattern: string): RegExp => {
    const translator = loadedTranslator();
    if (translator) return translator.defaultJavaScriptRegexConstructor(pattern);
    void loadTranslator().catch(() => undefined);
    try {
      return markProvisional(new RegExp(pattern, 'dgv'));
    } catch (error) {
      throw markProvisional(error as Error);
    }
  };
  return {
    createScanner: (patterns) => new JavaScriptScanner(patterns, { cache, forgiving: true, regexConstructor }),
    createString,
  };
}
