// The React component library: `npm run build:lib` → dist-lib/.
export { Snippet, type SnippetProps } from './Snippet.tsx';
export { SnippetsProvider } from './SnippetsProvider.tsx';
export type { SnippetEvent } from '../core/services.ts';
export type { SnippetErrorCode } from '../core/snippet-error.ts';
export type { SnippetValues, Theme } from '../core/types.ts';
