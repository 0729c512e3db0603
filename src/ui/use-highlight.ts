import { useEffect, useState } from 'react';
import { LANGUAGES } from '../core/languages';
import { afterPaint } from '../dom/after-paint';
import { cachedTokens, isGrammarReady, loadGrammar, tokenizeCached, tokenKey, type CodeLines } from '../highlight/highlighter';
import { LOG_PREFIX } from '../core/log-prefix';

export type HighlightStatus = 'pending' | 'highlighted' | 'plain';

/**
 * Highlighted lines for `code`: the build's (`prebuilt`, see src/highlight/prebuilt-tokens.ts)
 * when it made them, else Shiki's, null while they are on their way: the plain text is
 * readable at once and is swapped for tokens of the same text, so nothing moves. Tokenizing
 * happens in its own task after a paint (a grammar's first use compiles its regexes, which
 * can take a while); languages with no grammar, and failures, stay plain.
 */
export function useHighlight(code: string, lang: string, prebuilt: CodeLines | null = null): { lines: CodeLines | null; status: HighlightStatus } {
  const grammar = LANGUAGES[lang]?.grammar;
  const cached = prebuilt ?? (grammar ? cachedTokens(code, grammar) : undefined);
  const [result, setResult] = useState<{ key: string; lines: CodeLines | null; status: HighlightStatus } | null>(null);
  const key = grammar ? tokenKey(code, grammar) : '';
  const current = result?.key === key ? result : null;

  useEffect(() => {
    if (!grammar || cached) return;
    let live = true;
    let cancel = () => undefined as void;
    const finish = (lines: CodeLines | null) => live && setResult({ key, lines, status: lines ? 'highlighted' : 'plain' });
    const run = () => {
      cancel = afterPaint(() => {
        try {
          finish(tokenizeCached(code, grammar));
        } catch (error) {
          console.warn(`${LOG_PREFIX} highlighting ${lang} failed; showing plain text.`, error);
          finish(null);
        }
      });
    };
    if (isGrammarReady(grammar)) run();
    else
      loadGrammar(grammar).then(run, (error: unknown) => {
        console.warn(`${LOG_PREFIX} could not load the ${grammar} grammar; showing plain text.`, error);
        finish(null);
      });
    return () => {
      live = false;
      cancel();
    };
  }, [code, grammar, key, lang, cached]);

  if (cached) return { lines: cached, status: 'highlighted' };
  if (!grammar) return { lines: null, status: 'plain' };
  return current ?? { lines: null, status: 'pending' };
}
