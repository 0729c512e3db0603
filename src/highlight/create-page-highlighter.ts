import { createLazyModule, type LazyModule } from '../core/create-lazy-module.ts';
import type { ChunkUrls } from '../core/formats/chunk-urls.ts';
import type { Grammar } from '../core/languages.ts';
import { SnippetError } from '../core/snippet-error.ts';
import type { TokenLines } from '../core/types.ts';

type TokenizerModule = typeof import('./create-shiki-tokenizer.ts');

/** The page's one highlighter: Shiki and each grammar loaded once, on first need. */
export interface PageHighlighter {
  /** Starts fetching Shiki and a grammar without running them. */
  preload(grammar: Grammar): void;
  /** Tokens of `code`; rejects with a `highlight-failed` SnippetError that says what could not load. */
  highlight(code: string, grammar: Grammar, snippet: string): Promise<TokenLines>;
}

export interface PageHighlighterOptions {
  urls?: Pick<ChunkUrls, 'highlighter' | 'grammars'> | null;
  preload?: (url: string) => void;
  importUrl?: <T>(url: string) => Promise<T>;
  /** Runs a task once the browser has painted what is on screen (tokenizing a grammar's first use is slow): colours wait for it. */
  afterPaint?: (task: () => void) => void;
  /** Loads Shiki's chunk (the default imports it; tests pass their own). */
  load?: () => Promise<TokenizerModule>;
}

const TOKEN_CACHE_SIZE = 50;

/** Creates a highlighter; its caches live as long as it does. */
export function createPageHighlighter(options: PageHighlighterOptions = {}): PageHighlighter {
  const { urls, preload, importUrl, afterPaint = (task) => task(), load: loadTokenizer = () => import('./create-shiki-tokenizer.ts') } = options;
  const lazy = <T,>(load: () => Promise<T>, files: readonly string[] | undefined) =>
    createLazyModule(load, { urls: files, preload, importUrl: importUrl && ((address: string) => importUrl<T>(address)) });
  const shiki: LazyModule<TokenizerModule> = lazy(loadTokenizer, urls?.highlighter);
  const grammarModules = new Map<Grammar, LazyModule<{ default: never }>>();
  let tokenizer: ReturnType<TokenizerModule['createShikiTokenizer']> | null = null;
  const ready = new Map<Grammar, Promise<void>>();
  // Docs pages repeat samples, and a viewer re-renders the same code: tokenized once.
  const tokens = new Map<string, TokenLines>();

  const grammarModule = (grammar: Grammar) => {
    let module = grammarModules.get(grammar);
    if (!module) {
      module = lazy(() => shiki.get().then(({ grammarLoaders }) => grammarLoaders[grammar]() as Promise<{ default: never }>), urls?.grammars[grammar]);
      grammarModules.set(grammar, module);
    }
    return module;
  };

  const fail = (snippet: string, what: string) => (error: unknown) => {
    throw new SnippetError('highlight-failed', snippet, `Could not load ${what}; the code is shown without colours (check the network and the bundle's URL).`, { cause: error });
  };

  const load = (grammar: Grammar, snippet: string): Promise<void> => {
    let loading = ready.get(grammar);
    if (!loading) {
      loading = Promise.all([
        shiki.get().catch(fail(snippet, 'the highlighter (Shiki)')),
        grammarModule(grammar).get().catch(fail(snippet, `the ${grammar} grammar`)),
      ]).then(async ([module, grammarChunk]) => {
        tokenizer ??= module.createShikiTokenizer();
        const created = await tokenizer.catch((error: unknown) => {
          tokenizer = null;
          throw error;
        });
        await created.loadGrammar(grammar, grammarChunk);
      });
      // Failed loads are tried again by the next caller (a flaky network, say).
      loading.catch(() => ready.delete(grammar));
      ready.set(grammar, loading);
    }
    return loading;
  };

  return {
    preload(grammar) {
      shiki.preload();
      grammarModule(grammar).preload();
    },
    async highlight(code, grammar, snippet) {
      const key = `${grammar}\0${code}`;
      const hit = tokens.get(key);
      if (hit) return hit;
      // The plain code is painted first, whatever tokenizing costs; the wait for that paint
      // starts now, alongside the loads, so that it adds no frame when they took longer.
      const painted = new Promise<void>((resolve) => afterPaint(resolve));
      await load(grammar, snippet);
      const created = await tokenizer!;
      await painted;
      let lines: TokenLines;
      try {
        lines = created.tokenize(code, grammar);
      } catch (error) {
        throw new SnippetError('highlight-failed', snippet, `Highlighting ${grammar} failed; the code is shown without colours.`, { cause: error });
      }
      if (tokens.size >= TOKEN_CACHE_SIZE) tokens.delete(tokens.keys().next().value!);
      tokens.set(key, lines);
      return lines;
    },
  };
}
