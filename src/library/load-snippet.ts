import { snippetIds, snippetLanguages, snippetLoaders } from 'virtual:snippet-library';
import { closestNames } from '../core/closest-names';
import { SnippetError, toSnippetError } from '../core/snippet-error';
import type { SnippetTemplate } from '../core/types';

type Renderer = typeof import('../render/render-snippet');

/** A snippet's templates plus the renderer, loaded together in one round of requests. */
export interface LoadedSnippet {
  template: SnippetTemplate;
  renderer: Renderer;
}

const loads = new Map<string, Promise<LoadedSnippet>>();
const loaded = new Map<string, LoadedSnippet>();

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
export function getLoadedSnippet(id: string): LoadedSnippet | undefined {
  return loaded.get(id);
}

/** Loads a snippet's chunk and the renderer (once per id). */
export function loadSnippet(id: string): Promise<LoadedSnippet> {
  const nameError = checkSnippetName(id);
  if (nameError) return Promise.reject(nameError);
  let load = loads.get(id);
  if (!load) {
    load = Promise.all([snippetLoaders[id]!(), import('../render/render-snippet')]).then(
      ([module, renderer]) => {
        const result = { template: module.default, renderer };
        loaded.set(id, result);
        return result;
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
