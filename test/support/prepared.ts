// Prepared snippets for view tests: the pipeline's own output, made in Node with the page's renderer.
import type { PreparedSnippet, SnippetValue } from '../../src/core/types.ts';
import { createSnippetLibrary } from '../../src/pipeline/create-snippet-library.ts';
import { prepareSnippet } from '../../src/pipeline/prepare-snippet.ts';
import { withBuildTokens } from '../../src/pipeline/with-tokens.ts';
import { index, loaders, renderer } from './library.ts';

const library = createSnippetLibrary({ index, loaders });

/** A snippet as every painter takes it, with `values` as data-* attributes, coloured by the build's tokens where they fit. */
export async function prepared(name: string, values: Record<string, SnippetValue> = {}): Promise<PreparedSnippet> {
  const { snippet, highlights } = await prepareSnippet({ name, layers: [{ source: 'attribute', values }] }, { library, renderer: async () => renderer });
  return withBuildTokens(snippet, highlights);
}
