import Handlebars from 'handlebars';
import { PRECOMPILE_OPTIONS } from '../../build/handlebars-precompile.ts';
import type { SnippetValues } from '../../src/core/types.ts';
import { helpers } from '../../src/pipeline/helpers.ts';

// The check compiles at test time (the browser never does), with the build's own options;
// library-check.test.ts proves both paths render the same text.

export type RenderFunction = (values: SnippetValues) => string;

// One private environment, like the widget's: the check's helpers never leak into other tests.
const env = Handlebars.create();
env.registerHelper(helpers as unknown as Record<string, Handlebars.HelperDelegate>);

/** Names of the helpers templates may call. */
export const helperNames: readonly string[] = Object.keys(helpers);

/** Compiles a template as the build does; the returned function renders it for `lang`, like renderTemplate. */
export function compileTemplate(source: string, lang: string): RenderFunction {
  const template = env.compile(source, PRECOMPILE_OPTIONS);
  // A null-prototype context, as in renderTemplate: a template sees the values and nothing else.
  return (values) => template(Object.assign(Object.create(null) as SnippetValues, values), { data: { lang } });
}
