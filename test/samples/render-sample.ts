// The only module of check:samples that reaches into the widget's renderer and build: when
// they move, this file is the one to update.
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { PRECOMPILE_OPTIONS } from '../../build/handlebars-precompile';
import { scanLibrary } from '../../build/scan-library';
import { resolveValues } from '../../src/core/resolve-values';
import type { SnippetConfig, SnippetTemplate, SnippetValue, SnippetValues, TemplateSpec } from '../../src/core/types';
import { renderSnippet } from '../../src/render/render-snippet';

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
 * Loads a template library as the build ships it: each template precompiled with the build's
 * options, then rendered by the widget's own renderSnippet (the check runs the code readers copy).
 */
export function loadSamples(root: string): Sample[] {
  return scanLibrary(root).map((entry) => {
    const config = JSON.parse(readFileSync(entry.configPath, 'utf8')) as SampleConfig;
    const templates: Record<string, TemplateSpec> = {};
    for (const { lang, path } of entry.templates) {
      // The build emits this spec as module source; here it is turned into the object the
      // renderer takes. Test code only: the widget never evaluates code.
      const spec = Handlebars.precompile(readFileSync(path, 'utf8'), PRECOMPILE_OPTIONS) as string;
      templates[lang] = new Function(`return ${spec};`)() as TemplateSpec;
    }
    const snippet: SnippetTemplate = { id: entry.id, config, templates };
    return {
      id: entry.id,
      dir: entry.dir,
      config,
      values: (overrides) => resolveValues(entry.id, config, overrides),
      render: (values) => renderSnippet(snippet, values).files.map((file) => ({ lang: file.lang, code: file.code })),
    };
  });
}
