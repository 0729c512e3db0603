// Its own chunk (see host/create-snippets.ts): Handlebars' runtime assigns to prototypes as it
// evaluates, which throws on pages that freeze them; loaded apart, that failure stays a notice.
import Handlebars from 'handlebars/runtime';
import type { SnippetValues, TemplateSpec } from '../core/types.ts';
import { helpers } from './helpers.ts';

/** Renders one precompiled template to code text. */
export interface TemplateRenderer {
  render(spec: TemplateSpec, values: SnippetValues, lang: string): string;
}

type Template = (context: unknown, options?: { data?: Record<string, unknown> }) => string;
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/**
 * A Handlebars environment of its own (helpers registered here never touch a Handlebars a
 * host page may use), binding each spec once.
 */
export function createHandlebarsRenderer(): TemplateRenderer {
  const env = Handlebars.create();
  env.registerHelper(helpers as unknown as Record<string, Handlebars.HelperDelegate>);
  const bound = new WeakMap<TemplateSpec, Template>();
  return {
    render(spec, values, lang) {
      let template = bound.get(spec);
      if (!template) {
        template = env.template(spec as unknown as TemplateSpecification) as unknown as Template;
        bound.set(spec, template);
      }
      // A null-prototype copy: templates can only reach the values, never Object.prototype.
      const context = Object.assign(Object.create(null) as SnippetValues, values);
      return template(context, { data: { lang } });
    },
  };
}
