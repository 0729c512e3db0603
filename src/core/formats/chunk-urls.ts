import type { Grammar } from '../languages.ts';

/** A chunk's URL first, then the URLs of the chunks it imports: all that running it fetches. */
export type ChunkFiles = readonly [chunk: string, ...imports: string[]];

/**
 * `virtual:chunk-urls`: where the build put the chunks the page fetches ahead of running them
 * (`<link rel="modulepreload">`), by what they hold. Null outside a production build.
 */
export interface ChunkUrls {
  /** Each snippet's chunk, by id (data: it imports nothing). */
  snippets: Readonly<Record<string, string>>;
  /** The template renderer (Handlebars' runtime). */
  renderer: ChunkFiles;
  /** Shiki, for code the build's tokens do not fit. */
  highlighter: ChunkFiles;
  /** Each grammar, by Shiki name. */
  grammars: Readonly<Record<Grammar, ChunkFiles>>;
  /** The live viewer (React). */
  viewer: ChunkFiles;
}
