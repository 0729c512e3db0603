import { highlighterChunks, viewerChunk } from 'virtual:chunk-urls';
import { LANGUAGES, pickLanguage } from '../core/languages';
import { readDataset, resolveValues } from '../core/resolve-values';
import type { RenderedSnippet } from '../core/types';
import { loadGrammar, tokenizeCached } from '../highlight/highlighter';
import { plainValues } from '../highlight/plain-values';
import { checkSnippetName, loadSnippet, snippetLanguagesOf } from '../library/load-snippet';
import { renderSnippet } from '../render/render-snippet';
import { resolveTheme } from '../state/page-theme';
import type { WidgetServices } from '../state/widget-services';
import { afterPaint } from './after-paint';
import { paintPreview, paintPreviewTokens } from './paint-preview';
import { preloadModule } from './preload-module';

/** True once the viewer (React) has put its own content in the shadow root. */
const viewerIn = (container: ShadowRoot) =>
  // `:scope` matches nothing in a shadow root, hence the walk over its children.
  [...container.children].some((child) => !child.hasAttribute('data-preview') && child.matches('.viewer, .notice'));

/**
 * The first paint of a snippet, before React has loaded, as soon as its templates are in:
 * its code highlighted with the build's tokens when they apply (the usual case), else as
 * plain text, highlighted once Shiki and the grammar are in. Settles when that is done or
 * cannot be (the viewer then shows whatever notice applies); never rejects.
 */
export async function previewSnippet(
  element: HTMLElement,
  container: ShadowRoot,
  services: Pick<WidgetServices, 'pageValues' | 'preferences'>,
): Promise<void> {
  const name = element.dataset.name ?? '';
  if (checkSnippetName(name)) return;
  if (!plainValues(services.pageValues.get(), readDataset(element.dataset))) {
    preloadHighlighter(element.ownerDocument, pickLanguage(snippetLanguagesOf(name), services.preferences.get().lang, null));
  }
  let snippet: RenderedSnippet;
  try {
    const template = await loadSnippet(name);
    if (!element.isConnected || viewerIn(container)) return;
    snippet = renderSnippet(template, resolveValues(name, template.config, services.pageValues.get(), readDataset(element.dataset)));
  } catch {
    return;
  }
  const prefs = services.preferences.get();
  const lang = pickLanguage(snippet.files.map((file) => file.lang), prefs.lang, null);
  paintPreview(container, { snippet, lang, wrap: prefs.wrap, theme: resolveTheme(element) });
  element.setAttribute('data-state', 'plain');
  // The viewer runs once the code is highlighted; fetching it can start now.
  if (viewerChunk) preloadModule(element.ownerDocument, viewerChunk);
  const paintedAt = performance.now();

  // The viewer later takes over with the same tokens (the build's, or Shiki's cached): nothing changes.
  const file = snippet.files.find((candidate) => candidate.lang === lang);
  const grammar = LANGUAGES[lang]?.grammar;
  if (!grammar || !file || file.tokens) return;
  const code = file.displayCode;
  try {
    await loadGrammar(grammar);
  } catch {
    return;
  }
  const highlight = () => {
    try {
      const lines = tokenizeCached(code, grammar);
      if (lines && !viewerIn(container)) paintPreviewTokens(container, lines);
    } catch {
      // The viewer reports highlighting problems.
    }
  };
  // Tokenizing must not hold back the plain paint; when Shiki arrives later than a frame
  // after it (the usual case: it comes over the network), the plain code is already shown.
  if (performance.now() - paintedAt > PAINTED_AFTER_MS) return highlight();
  await new Promise<void>((done) => afterPaint(() => (highlight(), done())));
}

/**
 * Fetches Shiki and the grammar of `lang` alongside the templates, for a snippet whose
 * values the build's tokens will likely not take; they run only once the plain code is on
 * screen.
 */
function preloadHighlighter(doc: Document, lang: string): void {
  const grammar = LANGUAGES[lang]?.grammar;
  const url = grammar && highlighterChunks?.grammars[grammar];
  if (!highlighterChunks || !url) return;
  preloadModule(doc, highlighterChunks.core);
  preloadModule(doc, url);
}

/** Long enough after a paint call for the browser to have shown it (a few frames). */
const PAINTED_AFTER_MS = 50;
