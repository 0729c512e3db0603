import type { PrebuiltHighlights } from '../core/formats/prebuilt-highlights.ts';
import type { SnippetChunk } from '../core/formats/snippet-chunk.ts';
import { resolveValues, type ValueLayer } from '../core/resolve-values.ts';
import { safeUrl } from '../core/safe-url.ts';
import { toSnippetError } from '../core/snippet-error.ts';
import type { PreparedSnippet } from '../core/types.ts';
import { describeUnknownVariables } from '../core/unknown-variables.ts';
import type { TemplateRenderer } from './create-handlebars-renderer.ts';
import type { SnippetLibrary } from './create-snippet-library.ts';
import { renderFiles } from './render-files.ts';

/** What to prepare: a snippet's name and its values, lowest precedence first. */
export interface SnippetRequest {
  name: string;
  layers: readonly ValueLayer[];
}

/** A prepared snippet, and what the author should hear about it (the snippet still works). */
export interface Prepared {
  snippet: PreparedSnippet;
  warnings: string[];
  /** The build's tokens of the snippet's default rendering, for `withBuildTokens`. */
  highlights: PrebuiltHighlights | null;
}

export interface PrepareDeps {
  library: SnippetLibrary;
  /** The template renderer, loaded once (a chunk of its own: see create-handlebars-renderer.ts). */
  renderer(): Promise<TemplateRenderer>;
}

/** What rendering a snippet needs from the network: its chunk and the renderer. */
export interface SnippetParts {
  chunk: SnippetChunk;
  renderer: TemplateRenderer;
}

/** The asynchronous half of preparing: checks the name, loads the chunk and the renderer. */
export async function loadSnippetParts(name: string, { library, renderer }: PrepareDeps): Promise<SnippetParts> {
  const nameError = library.check(name);
  if (nameError) throw nameError;
  const [chunk, render] = await Promise.all([
    library.load(name),
    renderer().catch((error: unknown) => {
      throw toSnippetError(error, 'load-failed', name, 'The template renderer could not start');
    }),
  ]);
  return { chunk, renderer: render };
}

/**
 * The synchronous half: values resolved over the config's defaults, every language rendered,
 * the build's tokens reused where they fit. Throws a SnippetError naming what failed.
 */
export function renderPrepared({ chunk, renderer }: SnippetParts, { name, layers }: SnippetRequest): Prepared {
  const files = renderFiles(chunk, resolveValues(name, chunk.config, ...layers), renderer);
  const attributes = layers.filter((layer) => layer.source === 'attribute').flatMap((layer) => Object.keys(layer.values));
  const unknown = describeUnknownVariables(name, chunk.config, attributes);
  return {
    snippet: { name, title: chunk.config.title, docs: safeUrl(chunk.config.docs), files },
    warnings: unknown ? [unknown] : [],
    highlights: chunk.highlights,
  };
}

/** The pipeline in one call: name → chunk → values → rendered files (colours: see `withBuildTokens`). */
export async function prepareSnippet(request: SnippetRequest, deps: PrepareDeps): Promise<Prepared> {
  return renderPrepared(await loadSnippetParts(request.name, deps), request);
}
