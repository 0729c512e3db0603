// The React component library: `npm run build:lib` → dist-lib/.
export { Snippet, type SnippetProps } from './Snippet';
export { SnippetsProvider } from './SnippetsProvider';
export type { SnippetEventDetail } from '../ui/widget-context';
export type { SnippetValues } from '../core/types';
