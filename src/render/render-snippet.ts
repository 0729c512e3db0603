// Relative imports name their .ts file: the build runs this module in Node too (build/snippet-library.ts).
import Handlebars from 'handlebars/runtime';
import { languageLabel, orderLanguages } from '../core/languages.ts';
import { safeUrl } from '../core/safe-url.ts';
import { toSnippetError } from '../core/snippet-error.ts';
import type { RenderedSnippet, SnippetTemplate, SnippetValues, TemplateSpec } from '../core/types';
import { adaptTokens } from '../highlight/prebuilt-tokens.ts';
import { helpers } from './helpers.ts';

type Template = (context: unknown, options?: { data?: Record<string, unknown> }) => string;

// One private environment: helpers registered here never touch a Handlebars a host page may use.
const env = Handlebars.create();
env.registerHelper(helpers as unknown as Record<string, Handlebars.HelperDelegate>);

const compiled = new WeakMap<TemplateSpec, Template>();

function bind(spec: TemplateSpec): Template {
  let template = compiled.get(spec);
  if (!template) {
    template = env.template(spec as unknown as TemplateSpecification) as unknown as Template;
    compiled.set(spec, template);
  }
  return template;
}

type TemplateSpecification = Parameters<typeof env.template>[0];

/** Renders one template to code text; errors name the file. */
export function renderTemplate(snippet: SnippetTemplate, lang: string, values: SnippetValues): string {
  const spec = snippet.templates[lang];
  const file = `${snippet.id.replace('.', '/')}/${lang}.hbs`;
  if (!spec) throw toSnippetError(new Error('no such template'), 'render-failed', snippet.id, file);
  try {
    // A null-prototype copy: templates can only reach the values, never Object.prototype.
    const context = Object.assign(Object.create(null) as SnippetValues, values);
    return bind(spec)(context, { data: { lang } });
  } catch (error) {
    throw toSnippetError(error, 'render-failed', snippet.id, `Template ${file} failed`);
  }
}

/** Shows the last 4 characters of a secret; the length of the mask says nothing about the value's. */
export function maskSecret(value: string): string {
  return `${'•'.repeat(8)}${value.length > 8 ? value.slice(-4) : ''}`;
}

// The preview and then the viewer render each snippet with the same values a moment apart:
// the second time is a lookup, and the viewer gets the very objects the preview painted.
const renderings = new WeakMap<SnippetTemplate, Map<string, RenderedSnippet>>();
const RENDERINGS_PER_SNIPPET = 20;

/**
 * Renders every language of a snippet. Secrets that differ from their default are masked
 * in `displayCode` and kept whole in `code`, which is what Copy puts on the clipboard.
 * `tokens` come from the build's highlighting when it applies to the code as rendered.
 * The result is shared by every caller with the same values: treat it as read-only.
 */
export function renderSnippet(snippet: SnippetTemplate, values: SnippetValues): RenderedSnippet {
  let cache = renderings.get(snippet);
  if (!cache) renderings.set(snippet, (cache = new Map()));
  const key = JSON.stringify(values);
  let result = cache.get(key);
  if (!result) {
    result = render(snippet, values);
    if (cache.size >= RENDERINGS_PER_SNIPPET) cache.delete(cache.keys().next().value!);
    cache.set(key, result);
  }
  return result;
}

function render(snippet: SnippetTemplate, values: SnippetValues): RenderedSnippet {
  const { config } = snippet;
  const masked: SnippetValues = { ...values };
  let hasMasked = false;
  for (const key of config.secrets ?? []) {
    const value = values[key];
    if (typeof value === 'string' && value !== config.payload[key]) {
      masked[key] = maskSecret(value);
      hasMasked = true;
    }
  }
  const langs = orderLanguages(Object.keys(snippet.templates), config.languages);
  return {
    id: snippet.id,
    title: config.title,
    docs: safeUrl(config.docs),
    files: langs.map((lang) => {
      const code = renderTemplate(snippet, lang, values);
      const displayCode = hasMasked ? renderTemplate(snippet, lang, masked) : code;
      return { lang, label: languageLabel(lang), code, displayCode, tokens: adaptTokens(snippet.highlights ?? undefined, lang, displayCode) };
    }),
  };
}
