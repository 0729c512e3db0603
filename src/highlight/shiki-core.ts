// Loaded lazily, once: the entry chunk never carries Shiki.
import { codeToTokensWithThemes, createShikiPrimitive, type ShikiPrimitive } from '@shikijs/primitive';
import themes from 'virtual:shiki-themes';
import { PrecompiledCache } from './precompiled-cache';
import { createPrecompiledEngine } from './regex-engine';

export { codeToTokensWithThemes };

/**
 * The page's one highlighter. Shiki's primitive layer has tokens and no HTML renderer,
 * which this widget never needs. Its regex engine runs the build's precompiled patterns
 * as native RegExps: no WebAssembly and no `eval`, so it runs under `script-src 'self'`.
 */
export function createHighlighter(): { primitive: ShikiPrimitive; cache: PrecompiledCache } {
  const cache = new PrecompiledCache();
  const primitive = createShikiPrimitive({
    themes: [...themes],
    langs: [],
    engine: createPrecompiledEngine(cache),
  });
  return { primitive, cache };
}
