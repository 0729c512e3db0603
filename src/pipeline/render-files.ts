import type { SnippetChunk } from '../core/formats/snippet-chunk.ts';
import { grammarOf, languageLabel, orderLanguages } from '../core/languages.ts';
import { toSnippetError } from '../core/snippet-error.ts';
import type { SnippetFile, SnippetValues } from '../core/types.ts';
import type { TemplateRenderer } from './create-handlebars-renderer.ts';

/** Shows the last 4 characters of a secret; the length of the mask says nothing about the value's. */
export function maskSecret(value: string): string {
  return `${'•'.repeat(8)}${value.length > 8 ? value.slice(-4) : ''}`;
}

/** Renders one template to code text; errors name the file. */
export function renderTemplate(chunk: SnippetChunk, lang: string, values: SnippetValues, renderer: TemplateRenderer): string {
  const spec = chunk.templates[lang];
  const file = `${chunk.id.replace('.', '/')}/${lang}.hbs`;
  if (!spec) throw toSnippetError(new Error('no such template'), 'render-failed', chunk.id, file);
  try {
    return renderer.render(spec, values, lang);
  } catch (error) {
    throw toSnippetError(error, 'render-failed', chunk.id, `Template ${file} failed`);
  }
}

/**
 * Renders every language of a snippet, in tab order. Secrets that differ from their default
 * are masked in `displayCode` and kept whole in `code`, which is what Copy puts on the
 * clipboard. Files come without colours (`pending`, or `plain` for a language without a
 * grammar): a snippet far off-screen never needs them, and `withTokens` adds them.
 */
export function renderFiles(chunk: SnippetChunk, values: SnippetValues, renderer: TemplateRenderer): SnippetFile[] {
  const { config } = chunk;
  const masked: SnippetValues = { ...values };
  let hasMasked = false;
  for (const key of config.secrets ?? []) {
    const value = values[key];
    if (typeof value === 'string' && value !== config.payload[key]) {
      masked[key] = maskSecret(value);
      hasMasked = true;
    }
  }
  return orderLanguages(Object.keys(chunk.templates), config.languages).map((lang) => {
    const code = renderTemplate(chunk, lang, values, renderer);
    const displayCode = hasMasked ? renderTemplate(chunk, lang, masked, renderer) : code;
    return { lang, label: languageLabel(lang), code, displayCode, tokens: null, highlight: grammarOf(lang) ? 'pending' : 'plain' };
  });
}
