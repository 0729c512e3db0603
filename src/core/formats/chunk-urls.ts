import type { Grammar } from '../languages.ts';

/**
 * `virtual:chunk-urls`: where the build put the chunks the page fetches ahead of running them
 * (`<link rel="modulepreload">`), by what they hold. Null outside a production build.
 */
export interface ChunkUrls {
  /** Each snippet's chunk, by id. */
  snippets: Readonly<Record<string, string>>;
  /** The template renderer (Handlebars' runtime). */
  renderer: string;
  /** Shiki, for code the build's tokens do not fit. */
  highlighter: string;
  /** Each grammar, by Shiki name. */
  grammars: Readonly<Record<Grammar, string>>;
  /** The live viewer (React). */
  viewer: string;
}
