declare module 'virtual:snippet-library' {
  import type { SnippetTemplate } from './core/types';
  /** Every snippet id in the library, sorted. */
  export const snippetIds: readonly string[];
  /** Each id's template languages, in tab order. */
  export const snippetLanguages: Readonly<Record<string, readonly string[]>>;
  /** One lazy loader per id; each loads that snippet's own chunk. */
  export const snippetLoaders: Readonly<Record<string, () => Promise<{ default: SnippetTemplate }>>>;
}

declare module '*.hbs' {
  const spec: object;
  export default spec;
}

declare module '*.css?inline' {
  const css: string;
  export default css;
}

declare module 'virtual:shiki-themes' {
  import type { ThemeRegistration } from '@shikijs/primitive';
  /** github-light and github-dark as one theme, each colour a code for a pair (build/slim-themes.ts). */
  const theme: ThemeRegistration & { name: string };
  export default theme;
  /** palette[n] = [light, dark] for the colour code `#00000n` (n in hex). */
  export const palette: readonly (readonly [light: string, dark: string])[];
}

declare module 'virtual:grammar/*' {
  import type { GrammarModule } from './highlight/grammars';
  const grammar: GrammarModule['default'];
  export const compiled: GrammarModule['compiled'];
  export const ascii: GrammarModule['ascii'];
  export const holed: GrammarModule['holed'];
  export default grammar;
}

declare module 'virtual:chunk-urls' {
  /** URL of each snippet's chunk, by id; null outside a production build. */
  export const snippetChunks: Readonly<Record<string, string>> | null;
  /** URLs of the highlighter's chunks (grammars by Shiki name), to fetch ahead of running them; null outside a production build. */
  export const highlighterChunks: { core: string; grammars: Readonly<Record<string, string>> } | null;
  /** URL of the React viewer's chunk; null outside a production build. */
  export const viewerChunk: string | null;
}
