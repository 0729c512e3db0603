// The only module of check:samples that reaches into the widget's renderer and build: when
// they move, this file is the one to update.
import { readLibrary } from '../../build/read-library.ts';
import { compileChunk } from '../../build/snippet-library.ts';
import { resolveValues } from '../../src/core/resolve-values.ts';
import type { SnippetConfig, SnippetValue, SnippetValues } from '../../src/core/types.ts';
import { createHandlebarsRenderer } from '../../src/pipeline/create-handlebars-renderer.ts';
import { renderFiles } from '../../src/pipeline/render-files.ts';

/** An API operation: `POST /v1/chat/completions`. */
export interface Operation {
  method: string;
  path: string;
}

/** config.json with the operation fields check:samples reads (config.schema.json has checked them). */
export interface SampleConfig extends SnippetConfig {
  method: string;
  path: string;
  alsoCalls?: Operation[];
}

/** One snippet of a library, ready to render as the widget renders it. */
export interface Sample {
  id: string;
  dir: string;
  config: SampleConfig;
  /** The snippet's values: the defaults of config.json with `overrides` on top, typed as the widget types them. */
  values(overrides: Record<string, SnippetValue>): SnippetValues;
  /** Every language's program, for these values, exactly as a reader would copy it. */
  render(values: SnippetValues): { lang: string; code: string }[];
}

/**
 * Loads a template library as the build ships it: each snippet's chunk made as the build makes
 * it, rendered by the widget's own renderer (the check runs the code readers copy).
 */
export function loadSamples(root: string): Sample[] {
  const renderer = createHandlebarsRenderer();
  return readLibrary(root).map((snippet) => {
    const config = snippet.config as SampleConfig;
    const chunk = compileChunk(snippet);
    return {
      id: snippet.id,
      dir: snippet.dir,
      config,
      values: (overrides) => resolveValues(snippet.id, config, { source: 'attribute', values: overrides }),
      render: (values) => renderFiles(chunk, values, renderer).map((file) => ({ lang: file.lang, code: file.code })),
    };
  });
}
