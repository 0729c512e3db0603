import { LANGUAGES, orderLanguages, pickLanguage } from '../core/languages';
import { loadGrammar } from '../highlight/highlighter';
import { loadSnippet } from './load-snippet';

/**
 * Starts loading what a snippet's first paint needs, as soon as its element is found: its
 * templates, then the grammar of the tab it will show. Viewers that mount later find it all
 * loaded. Failures are left for the viewer to report.
 */
export function prefetchSnippet(name: string, preferredLang: () => string | null): void {
  loadSnippet(name).then(
    ({ template }) => {
      const lang = pickLanguage(orderLanguages(Object.keys(template.templates), template.config.languages), preferredLang(), null);
      const grammar = LANGUAGES[lang]?.grammar;
      if (grammar) loadGrammar(grammar).catch(() => undefined);
    },
    () => undefined,
  );
}
