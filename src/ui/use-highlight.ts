import { useEffect, useMemo, useReducer } from 'react';
import { LANGUAGES } from '../core/languages';
import { isGrammarReady, loadGrammar, tokenize, type CodeLines } from '../highlight/highlighter';

export type HighlightStatus = 'pending' | 'highlighted' | 'plain';

// Docs pages repeat the same sample; the same text is tokenized once.
const cache = new Map<string, CodeLines>();
const CACHE_LIMIT = 100;

function cachedTokenize(code: string, grammar: Parameters<typeof tokenize>[1]): CodeLines | null {
  const key = `${grammar}\0${code}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const lines = tokenize(code, grammar);
  if (lines) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, lines);
  }
  return lines;
}

/**
 * Highlighted lines for `code`, or null while the grammar loads (the plain text shows
 * meanwhile) and for languages with no grammar. Highlighting problems leave plain text.
 */
export function useHighlight(code: string, lang: string): { lines: CodeLines | null; status: HighlightStatus } {
  const grammar = LANGUAGES[lang]?.grammar;
  const [loadFailed, fail] = useReducer(() => true, false);
  const [, loaded] = useReducer((n: number) => n + 1, 0);
  const ready = grammar ? isGrammarReady(grammar) : false;

  useEffect(() => {
    if (!grammar || ready) return;
    let live = true;
    loadGrammar(grammar).then(
      () => live && loaded(),
      (error: unknown) => {
        if (!live) return;
        console.warn(`[snippets] could not load the ${grammar} grammar; showing plain text.`, error);
        fail();
      },
    );
    return () => {
      live = false;
    };
  }, [grammar, ready]);

  const lines = useMemo(() => {
    if (!grammar || !ready) return null;
    try {
      return cachedTokenize(code, grammar);
    } catch (error) {
      console.warn(`[snippets] highlighting ${lang} failed; showing plain text.`, error);
      return null;
    }
  }, [code, grammar, ready, lang]);

  const status: HighlightStatus = lines ? 'highlighted' : !grammar || loadFailed || ready ? 'plain' : 'pending';
  return { lines, status };
}
