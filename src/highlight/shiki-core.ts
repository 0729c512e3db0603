// Loaded lazily, once: the entry chunk never carries Shiki.
import { codeToTokensBase, createShikiPrimitive, type ShikiPrimitive } from '@shikijs/primitive';
import dualTheme, { palette } from 'virtual:shiki-themes';
import { PrecompiledCache } from './precompiled-cache';
import { createPrecompiledEngine } from './regex-engine';

export { codeToTokensBase };

/** The one theme Shiki colours with: github-light and github-dark in a single pass. */
export const THEME = dualTheme.name;

/** A colour code of the dual theme as its [light, dark] pair; undefined for anything else. */
export function themeColors(color: string | undefined): readonly [string, string] | undefined {
  return color && /^#[0-9a-f]{6}$/i.test(color) ? palette[parseInt(color.slice(1), 16)] : undefined;
}

/**
 * The page's one highlighter. Shiki's primitive layer has tokens and no HTML renderer,
 * which this widget never needs. Its regex engine runs the build's precompiled patterns
 * as native RegExps: no WebAssembly and no `eval`, so it runs under `script-src 'self'`.
 */
export function createHighlighter(): { primitive: ShikiPrimitive; cache: PrecompiledCache } {
  const cache = new PrecompiledCache();
  const primitive = createShikiPrimitive({
    themes: [dualTheme],
    langs: [],
    engine: createPrecompiledEngine(cache),
  });
  return { primitive, cache };
}
