declare module 'virtual:snippet-library' {
  import type { SnippetTemplate } from './core/types';
  /** Every snippet id in the library, sorted. */
  export const snippetIds: readonly string[];
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
