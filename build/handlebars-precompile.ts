import Handlebars from 'handlebars';
import type { Plugin } from 'vite';

/**
 * Precompiles `.hbs` files into Handlebars template specs at build time.
 *
 * The browser only ever gets `handlebars/runtime`: the compiler ends in `new Function`,
 * which a page with `script-src 'self'` forbids. The module exports the raw spec; the
 * renderer binds it to its own Handlebars environment (with our helpers) at run time.
 */
export function handlebarsPrecompile(): Plugin {
  return {
    name: 'snippets:handlebars-precompile',
    transform(source, id) {
      if (!id.endsWith('.hbs')) return null;
      // noEscape: the output is code text, never HTML; React escapes it when it is shown.
      // strict: a variable with no value is an error, not an empty string in the program.
      const spec = Handlebars.precompile(source, { noEscape: true, strict: true, knownHelpersOnly: false });
      return { code: `export default ${spec};\n`, map: null };
    },
  };
}
