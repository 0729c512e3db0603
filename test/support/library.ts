// The template library as the tests use it: every chunk as the page gets it, rendered with the
// page's own renderer, and highlighted by the page's own Shiki.
import { index, loaders } from 'virtual:snippet-library';
import type { SnippetChunk } from '../../src/core/formats/snippet-chunk.ts';
import { grammarOf, GRAMMARS } from '../../src/core/languages.ts';
import { resolveValues } from '../../src/core/resolve-values.ts';
import type { SnippetFile, SnippetValue, TokenLines } from '../../src/core/types.ts';
import { createShikiTokenizer, grammarLoaders, type ShikiTokenizer } from '../../src/highlight/create-shiki-tokenizer.ts';
import { createHandlebarsRenderer } from '../../src/pipeline/create-handlebars-renderer.ts';
import { renderFiles } from '../../src/pipeline/render-files.ts';
import { withBuildTokens } from '../../src/pipeline/with-tokens.ts';

export { index, loaders };

/** One renderer for the tests, as the page has one. */
export const renderer = createHandlebarsRenderer();

/** A snippet's chunk, as its loader gives it. */
export const loadChunk = async (id: string): Promise<SnippetChunk> => (await loaders[id]!()).default;

/** Every chunk of the library. */
export const loadChunks = (): Promise<SnippetChunk[]> => Promise.all(index.ids.map(loadChunk));

/** A snippet rendered with values as `data-*` attributes give them (none: its defaults), with the build's tokens where they fit. */
export function renderWith(chunk: SnippetChunk, values: Record<string, SnippetValue> = {}): readonly SnippetFile[] {
  const files = renderFiles(chunk, resolveValues(chunk.id, chunk.config, { source: 'attribute', values }), renderer);
  return withBuildTokens({ name: chunk.id, title: chunk.config.title, docs: null, files }, chunk.highlights).files;
}

let tokenizer: Promise<ShikiTokenizer> | null = null;

/** The page's Shiki with every grammar loaded: what the build's tokens must equal. */
export function shiki(): Promise<ShikiTokenizer> {
  tokenizer ??= (async () => {
    const created = await createShikiTokenizer();
    for (const grammar of GRAMMARS) await created.loadGrammar(grammar, await grammarLoaders[grammar]());
    return created;
  })();
  return tokenizer;
}

/** Shiki's tokens of a file's code as shown. */
export async function shikiTokens(file: SnippetFile): Promise<TokenLines> {
  return (await shiki()).tokenize(file.displayCode, grammarOf(file.lang)!);
}
