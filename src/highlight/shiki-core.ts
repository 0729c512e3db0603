// Loaded lazily, once: the entry chunk never carries Shiki.
import { codeToTokensWithThemes, createShikiPrimitive, type ShikiPrimitive } from '@shikijs/primitive';
import { createJavaScriptRegexEngine } from '@shikijs/engine-javascript';
import githubDark from '@shikijs/themes/github-dark';
import githubLight from '@shikijs/themes/github-light';

export { codeToTokensWithThemes };

/**
 * The page's one highlighter. Shiki's primitive layer has tokens and no HTML renderer,
 * which this widget never needs (React renders the tokens). The JavaScript regex engine
 * needs no WebAssembly and no `eval`, so it runs under `script-src 'self'`.
 */
export function createHighlighter(): ShikiPrimitive {
  return createShikiPrimitive({
    themes: [githubLight, githubDark],
    langs: [],
    engine: createJavaScriptRegexEngine({ forgiving: true }),
  });
}
