// Loaded lazily, once: the entry chunk never carries Shiki.
import { codeToTokensWithThemes, createShikiPrimitive, type ShikiPrimitive } from '@shikijs/primitive';
import { createJavaScriptRegexEngine } from '@shikijs/engine-javascript';
import themes from 'virtual:shiki-themes';
import { PrecompiledCache } from './precompiled-cache';

export { codeToTokensWithThemes };

/**
 * The page's one highlighter. Shiki's primitive layer has tokens and no HTML renderer,
 * which this widget never needs (React renders the tokens). The JavaScript regex engine
 * needs no WebAssembly and no `eval`, so it runs under `script-src 'self'`.
 */
export function createHighlighter(): { primitive: ShikiPrimitive; cache: PrecompiledCache } {
  const cache = new PrecompiledCache();
  const primitive = createShikiPrimitive({
    themes: [...themes],
    langs: [],
    engine: createJavaScriptRegexEngine({ forgiving: true, cache }),
  });
  return { primitive, cache };
}
