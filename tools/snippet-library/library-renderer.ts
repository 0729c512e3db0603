// The one module that reaches into the widget's renderer and build: the OpenAPI exporter and
// the GitBook integration render templates through it, so it is the only file to change when
// those move. Templates are compiled with the build's own options and rendered by the
// widget's own renderer, so a sample here is byte for byte what the widget shows.
import Handlebars from 'handlebars';
import { PRECOMPILE_OPTIONS } from '../../build/handlebars-precompile.ts';
import { closestNames } from '../../src/core/closest-names.ts';
import { resolveValues } from '../../src/core/resolve-values.ts';
import type { SnippetConfig, SnippetValue, TemplateSpec } from '../../src/core/types.ts';
import { createHandlebarsRenderer } from '../../src/pipeline/create-handlebars-renderer.ts';
import { renderFiles } from '../../src/pipeline/render-files.ts';
import type { LibraryConfig, LibrarySnippet } from './read-library.ts';

/** The known snippet names nearest to a mistyped one, as the widget's own notice lists them. */
export { closestNames };

/** A snippet ready to render: its config and its templates as precompiled specs. */
export interface CompiledSnippet {
  id: string;
  config: LibraryConfig;
  templates: Record<string, TemplateSpec>;
}

/** One language of a rendered snippet, in the widget's tab order. */
export interface RenderedSample {
  /** Template language: `py`, `js`, `sh` … */
  lang: string;
  /** The widget's tab label: `Python`, `JavaScript`, `cURL` … */
  label: string;
  /** The program, every value in full (what Copy puts on the clipboard). */
  code: string;
}

/** A template's precompiled spec as JavaScript source, for bundles that must not compile at run time. */
export function precompileTemplate(source: string): string {
  return Handlebars.precompile(source, PRECOMPILE_OPTIONS) as string;
}

/** Compiles a snippet's templates in Node, as the widget's build does (build/snippet-library.ts). */
export function compileSnippet(snippet: LibrarySnippet): CompiledSnippet {
  const templates: Record<string, TemplateSpec> = {};
  for (const [lang, source] of Object.entries(snippet.templates)) {
    // Build-time evaluation of Handlebars' own output, never of a value: the widget's build does the same.
    templates[lang] = new Function(`return ${precompileTemplate(source)}`)() as TemplateSpec;
  }
  return { id: snippet.id, config: snippet.config, templates };
}

/**
 * Renders every language of a snippet with its defaults, overridden by `overrides` (text
 * takes the type of its default, as `data-*` attributes do). Throws the widget's own
 * error, which names the variable and the fix, for a value of the wrong type.
 */
export function renderSamples(snippet: CompiledSnippet, overrides: Readonly<Record<string, SnippetValue>> = {}): RenderedSample[] {
  const config = snippet.config as SnippetConfig;
  const values = resolveValues(snippet.id, config, { source: 'attribute', values: overrides });
  renderer ??= createHandlebarsRenderer();
  return renderFiles({ id: snippet.id, config, templates: snippet.templates, highlights: null }, values, renderer).map(({ lang, label, code }) => ({ lang, label, code }));
}

let renderer: ReturnType<typeof createHandlebarsRenderer> | null = null;
