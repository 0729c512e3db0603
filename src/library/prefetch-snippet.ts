import { snippetLanguages } from 'virtual:snippet-library';
import { LANGUAGES, pickLanguage } from '../core/languages';
import { loadGrammar } from '../highlight/highlighter';
import { loadSnippet } from './load-snippet';

/**
 * Starts loading what a snippet's first paint needs as soon as its element is found, all at
 * once: its templates, the highlighter and the grammar of the tab it will show (known from
 * the library index). Viewers that mount later find it all loaded. Failures are left for the
 * viewer to report.
 */
export function prefetchSnippet(name: string, preferredLang: string | null): void {
  loadSnippet(name).catch(() => undefined);
  const grammar = LANGUAGES[pickLanguage(snippetLanguages[name] ?? [], preferredLang, null)]?.grammar;
  if (grammar) loadGrammar(grammar).catch(() => undefined);
}
