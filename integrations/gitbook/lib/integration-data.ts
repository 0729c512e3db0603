import type { CompiledSnippet } from '../../../tools/snippet-library/library-renderer.ts';

/** A template variable an author may set on a block, from the snippet's config.json. */
export interface BlockVariable {
  name: string;
  default: string | number | boolean;
  /** Secrets (the API key) are never set on a docs page: readers paste their own. */
  secret: boolean;
}

/** One snippet as the block's picker lists it. */
export interface BlockSnippet {
  id: string;
  group: string;
  title: string;
  variables: BlockVariable[];
}

/**
 * What the build bakes into the integration's script (the `aiml:integration-data` module):
 * the library's list, the templates of each snippet's Markdown fallback, and the frame page.
 */
export interface IntegrationData {
  /** The widget release the frame page loads, e.g. `1.2.3`. */
  release: string;
  /** The folder URLs pasted into the editor may come from (`https://cdn…/snippets/`), for unfurling. */
  unfurlBase: string;
  /** Every snippet of the library, by group then title. */
  snippets: BlockSnippet[];
  /** Per snippet, its cURL template (else its first language), precompiled: the Markdown fallback. */
  fallbacks: Record<string, CompiledSnippet>;
  /** The frame page the integration serves, and its Content-Security-Policy. */
  framePage: { html: string; csp: string };
}
