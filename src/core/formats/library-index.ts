import type { SnippetChunk } from './snippet-chunk.ts';

/** What the entry knows of each snippet before its chunk loads. */
export interface IndexEntry {
  title: string;
  /** Template languages in tab order. */
  languages: readonly string[];
  /** Lines of each language's default rendering (same order): the room a viewer will take. */
  lines: readonly number[];
}

/** `virtual:snippet-library`'s index: every snippet of the library, sorted by id. */
export interface LibraryIndex {
  ids: readonly string[];
  snippets: Readonly<Record<string, IndexEntry>>;
}

/** `virtual:snippet-library`: the index, and one lazy loader per id (each loads that snippet's own chunk). */
export interface LibraryModule {
  index: LibraryIndex;
  loaders: Readonly<Record<string, () => Promise<{ default: SnippetChunk }>>>;
}

/** The module's source, as the build writes it: `chunkId(id)` is the module each loader imports. */
export function encodeLibraryModule(index: LibraryIndex, chunkId: (id: string) => string): string {
  const loaders = index.ids.map((id) => `  ${JSON.stringify(id)}: () => import(${JSON.stringify(chunkId(id))}),`).join('\n');
  return `export const index = ${JSON.stringify(index)};\nexport const loaders = {\n${loaders}\n};\n`;
}
