import { checkSnippetName } from '../core/check-snippet-name.ts';
import { createLazyModule, type LazyModule } from '../core/create-lazy-module.ts';
import type { IndexEntry, LibraryModule } from '../core/formats/library-index.ts';
import type { SnippetChunk } from '../core/formats/snippet-chunk.ts';
import { SnippetError, toSnippetError } from '../core/snippet-error.ts';

/** The template library as a page sees it: the index at once, each snippet's chunk on demand. */
export interface SnippetLibrary {
  ids: readonly string[];
  /** What the index says of a snippet; undefined for an unknown id. */
  entry(id: string): IndexEntry | undefined;
  /** Null for a known name, else the error to show (with the closest names). */
  check(name: string): SnippetError | null;
  /** Starts fetching a snippet's chunk without running it. */
  preload(id: string): void;
  /** Loads a snippet's chunk, once; a failed load is tried again by the next call. */
  load(id: string): Promise<SnippetChunk>;
  /** Gives up waiting on a chunk still on its way: the next `load` asks again, under a fresh URL. */
  abandon(id: string): void;
}

type ChunkModule = { default: SnippetChunk };

export interface SnippetLibraryOptions extends LibraryModule {
  /** URL of each snippet's chunk, when the build knows them (for preloads and retries). */
  urls?: Readonly<Record<string, string>> | null;
  preload?: (url: string) => void;
  importUrl?: (url: string) => Promise<ChunkModule>;
}

/** Creates the page's view of the library; its cache lives as long as the object does. */
export function createSnippetLibrary({ index, loaders, urls, preload, importUrl }: SnippetLibraryOptions): SnippetLibrary {
  const modules = new Map<string, LazyModule<ChunkModule>>();
  const moduleOf = (id: string) => {
    let module = modules.get(id);
    if (!module) {
      const url = urls?.[id];
      module = createLazyModule(loaders[id]!, { urls: url ? [url] : null, preload, importUrl });
      modules.set(id, module);
    }
    return module;
  };
  const known = (id: string) => Object.hasOwn(loaders, id);

  return {
    ids: index.ids,
    entry: (id) => (Object.hasOwn(index.snippets, id) ? index.snippets[id] : undefined),
    check: (name) => checkSnippetName(name, index.ids),
    preload(id) {
      if (known(id)) moduleOf(id).preload();
    },
    abandon(id) {
      if (known(id)) moduleOf(id).abandon();
    },
    load(id) {
      const nameError = known(id) ? null : checkSnippetName(id, index.ids);
      if (nameError) return Promise.reject(nameError);
      return moduleOf(id)
        .get()
        .then(
          ({ default: chunk }) => chunk,
          (error: unknown) => {
            throw toSnippetError(error, 'load-failed', id, `Could not load the snippet "${id}" (check the network and the bundle's URL)`);
          },
        );
    },
  };
}
