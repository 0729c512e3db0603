import type { Plugin } from 'vite';

// The one statement of Handlebars' runtime that assigns over a property Object.prototype has.
const SAFE_STRING_METHODS = /SafeString\.prototype\.toString = SafeString\.prototype\.toHTML = function\s*\(\)\s*\{\s*return '' \+ this\.string;\s*\};/;
const SAFE_STRING_FILE = /handlebars[\\/]lib[\\/]handlebars[\\/]safe-string\.js$/;

/**
 * Makes the browser's Handlebars runtime (`handlebars/runtime`) evaluate on hardened pages,
 * which freeze `Object.prototype` (SES `lockdown()`, some security-minded sites). There,
 * assigning a property that a frozen prototype already has (`toString`) throws in strict
 * code, even on an object of one's own (the "override mistake"). The CommonJS build that
 * `handlebars/runtime` names does that twice: `exports.toString = …` in its utils, and
 * `SafeString.prototype.toString = …`. So the page gets the same runtime from Handlebars'
 * ES module sources (`handlebars/lib`), whose exports are bindings, not assignments, with
 * SafeString's two methods defined rather than assigned. Node keeps the package's own build.
 *
 * If a Handlebars upgrade changes that statement, the build fails here rather than the
 * widget on those pages (test/e2e/hardened-host.test.ts checks the page itself).
 */
export function handlebarsHardenedRuntime(): Plugin {
  let rewritten = false;
  return {
    name: 'snippets:handlebars-hardened-runtime',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== 'handlebars/runtime') return null;
      return this.resolve('handlebars/lib/handlebars.runtime.js', importer, { skipSelf: true });
    },
    transform: {
      filter: { id: SAFE_STRING_FILE },
      handler(source, id) {
        if (!SAFE_STRING_METHODS.test(source)) {
          this.error(`${id} no longer has the SafeString.prototype assignment this plugin rewrites (a Handlebars upgrade?): update build/handlebars-hardened-runtime.ts so the runtime still evaluates under a frozen Object.prototype.`);
        }
        rewritten = true;
        const method = `{ value: function () { return '' + this.string; }, writable: true, configurable: true }`;
        return { code: source.replace(SAFE_STRING_METHODS, `Object.defineProperties(SafeString.prototype, { toString: ${method}, toHTML: ${method} });`), map: null };
      },
    },
    buildEnd(error) {
      // A bundle that has the runtime but not the rewritten SafeString would break on those pages.
      if (!error && !rewritten && [...this.getModuleIds()].some((id) => /handlebars[\\/]lib[\\/]handlebars\.runtime\.js$/.test(id))) {
        this.error('handlebars/lib/handlebars/safe-string.js was bundled without the rewrite of build/handlebars-hardened-runtime.ts');
      }
    },
  };
}
