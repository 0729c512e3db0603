import Handlebars from 'handlebars';
import type { Plugin } from 'vite';

/**
 * Precompiles `.hbs` files into Handlebars template specs at build time.
 *
 * The browser only ever gets `handlebars/runtime`: the compiler ends in `new Function`,
 * which a page with `script-src 'self'` forbids. The module exports the raw spec; the
 * renderer binds it to its own Handlebars environment (with our helpers) at run time.
 */
// noEscape: the output is code text, never HTML; React escapes it when it is shown.
// strict: a variable with no value is an error, not an empty string in the program.
/** The compile options of every template, at build time and in the library check. */
export const PRECOMPILE_OPTIONS = { noEscape: true, strict: true } as const;

/** Adds the fix for the parse error authors hit most: `{{str x}}}` reads as a triple-stash. */
export function explain(message: string): string {
  return message.includes('CLOSE_UNESCAPED')
    ? `${message}\nA "}" right after "}}" closes a triple-stash: write "{{str value}} }" with a space.`
    : message;
}

export function handlebarsPrecompile(): Plugin {
  return {
    name: 'snippets:handlebars-precompile',
    transform: {
      filter: { id: /\.hbs$/ },
      handler(source, id) {
        try {
          const spec = Handlebars.precompile(source, PRECOMPILE_OPTIONS);
          return { code: `export default ${spec};\n`, map: null };
        } catch (error) {
          this.error(`${id}: ${explain((error as Error).message)}`);
        }
      },
    },
  };
}
