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

declare module 'virtual:shiki-themes' {
  import type { ThemeRegistration } from '@shikijs/primitive';
  /** github-light and github-dark, without their editor UI colours. */
  const themes: readonly ThemeRegistration[];
  export default themes;
}

declare module 'virtual:grammar/*' {
  import type { GrammarModule } from './highlight/grammars';
  const grammar: GrammarModule['default'];
  export const compiled: GrammarModule['compiled'];
  export default grammar;
}
