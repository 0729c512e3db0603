import { snippetChunks } from 'virtual:chunk-urls';
import { snippetIds, snippetLanguages, snippetLoaders } from 'virtual:snippet-library';
import { closestNames } from '../core/closest-names';
import { SnippetError, toSnippetError } from '../core/snippet-error';
import type { SnippetTemplate } from '../core/types';
import { preloadModule } from '../dom/preload-module';

const loads = new Map<string, Promise<SnippetTemplate>>();
const loaded = new Map<string, SnippetTemplate>();

export { snippetIds };

/** A snippet's languages in tab order, known before its chunk loads; empty for an unknown id. */
export function snippetLanguagesOf(id: string): readonly string[] {
  return Object.hasOwn(snippetLanguages, id) ? snippetLanguages[id]! : [];
}

/** Checks a `data-name` against the library; the error lists the closest known names. */
export function checkSnippetName(id: string): SnippetError | null {
  if (Object.hasOwn(snippetLoaders, id)) return null;
  if (!/^[a-z0-9-]+\.[a-z0-9-]+$/.test(id)) {
    return new SnippetError(
      'invalid-name',
      id,
      `data-name=${JSON.stringify(id)} is not a snippet name. Write it as "group.name", e.g. data-name="${snippetIds[0] ?? 'open-ai.chat-completion'}".`,
    );
  }
  const near = closestNames(id, snippetIds);
  const hint = near.length ? ` Did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : '';
  return new SnippetError(
    'unknown-snippet',
    id,
    `No snippet is named ${JSON.stringify(id)}.${hint} Names are folders under shared/snippets/<group>/<name>/.`,
  );
}

/** The snippet if it has already loaded, so a viewer can render it in its first paint. */
export function getLoadedSnippet(id: string): SnippetTemplate | undefined {
  return loaded.get(id);
}

/**
 * Loads a snippet's chunk (once per id): its config and templates. The renderer is in the
 * entry, so the chunk is the one request between the bundle and a snippet's first paint.
 */
export function loadSnippet(id: string): Promise<SnippetTemplate> {
  const nameError = checkSnippetName(id);
  if (nameError) return Promise.reject(nameError);
  let load = loads.get(id);
  if (!load) {
    // A dynamic import() fetches only once the current task ends (here: the widget's whole
    // start-up and the page's first layout); a modulepreload link fetches now.
    const url = snippetChunks?.[id];
    if (url && typeof document !== 'undefined') preloadModule(document, url);
    load = snippetLoaders[id]!().then(
      ({ default: template }) => {
        loaded.set(id, template);
        return template;
      },
      (error: unknown) => {
        loads.delete(id);
        throw toSnippetError(error, 'load-failed', id, `Could not load the snippet "${id}" (check the network and the bundle's URL)`);
      },
    );
    loads.set(id, load);
  }
  return load;
}
