import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { countLines } from '../src/core/count-lines.ts';
import { encodeLibraryModule, type LibraryIndex } from '../src/core/formats/library-index.ts';
import { encodePrebuiltHighlights, type PrebuiltHighlights } from '../src/core/formats/prebuilt-highlights.ts';
import { chunkConfig, encodeSnippetChunk, type SnippetChunk } from '../src/core/formats/snippet-chunk.ts';
import { grammarOf, orderLanguages } from '../src/core/languages.ts';
import { resolveValues } from '../src/core/resolve-values.ts';
import type { SnippetFile, TemplateSpec } from '../src/core/types.ts';
import { createHandlebarsRenderer } from '../src/pipeline/create-handlebars-renderer.ts';
import { renderFiles } from '../src/pipeline/render-files.ts';
import { createBuildHighlighter } from './create-build-highlighter.ts';
import { PRECOMPILE_OPTIONS } from './handlebars-precompile.ts';
import { readLibrary, type LibrarySnippet } from './read-library.ts';

const LIBRARY_ID = 'virtual:snippet-library';
const SNIPPET_PREFIX = 'virtual:snippet/';

/** A snippet as the build serves it: its folder, its default rendering, and that rendering's tokens. */
export interface BuiltSnippet {
  snippet: LibrarySnippet;
  /** Languages in tab order, each with its default rendering (null if it failed to render). */
  files: SnippetFile[] | null;
  highlights: PrebuiltHighlights | null;
}

/**
 * Serves the template library as modules.
 *
 * `virtual:snippet-library` holds the index (ids, titles, languages, line counts: what a
 * page knows before a snippet's chunk arrives) and one lazy loader per id, so the entry stays
 * small however large the library grows. Each `virtual:snippet/<id>` module becomes its own
 * chunk: that folder's config, precompiled templates, and their default rendering's tokens.
 */
/** What the library plugin offers the build's other plugins (through `api`). */
export interface SnippetLibraryApi {
  /** The library, read and rendered with its defaults: once per build. */
  library(warn: (message: string) => void): Promise<Map<string, BuiltSnippet>>;
}

export function snippetLibrary(options: { root: string }): Plugin<SnippetLibraryApi> {
  const root = resolve(options.root);
  // Read and rendered once per build; a rebuild (watch mode) starts afresh.
  let built: Promise<Map<string, BuiltSnippet>> | null = null;
  return {
    name: 'snippets:library',
    api: {
      library(warn) {
        built ??= buildLibrary(root, warn);
        return built;
      },
    },
    buildStart() {
      built = null;
    },
    // Hook filters: the bundler calls these only for our ids, not for every module.
    resolveId: { filter: { id: /^virtual:snippet(-library$|\/)/ }, handler: (id) => `\0${id}` },
    load: {
      filter: { id: /^\0virtual:snippet(-library$|\/)/ },
      async handler(id) {
        built ??= buildLibrary(root, (message) => this.warn(message));
        const library = await built;
        for (const { snippet } of library.values()) this.addWatchFile(snippet.configPath);
        const bare = id.slice(1);
        if (bare === LIBRARY_ID) return encodeLibraryModule(libraryIndex(library), (snippetId) => SNIPPET_PREFIX + snippetId);
        const snippetId = bare.slice(SNIPPET_PREFIX.length);
        const entry = library.get(snippetId);
        if (!entry) return this.error(`No snippet folder for "${snippetId}" under ${root}.`);
        const paths = Object.fromEntries(entry.snippet.templates.map((t) => [t.lang, t.path]));
        return encodeSnippetChunk({ id: snippetId, config: chunkConfig(entry.snippet.config), highlights: entry.highlights }, paths);
      },
    },
  };
}

/** What the entry knows of every snippet before its chunk loads. */
export function libraryIndex(library: ReadonlyMap<string, BuiltSnippet>): LibraryIndex {
  const snippets: LibraryIndex['snippets'] = Object.fromEntries(
    [...library].map(([id, { snippet, files }]) => {
      const languages = orderLanguages(snippet.templates.map((t) => t.lang), snippet.config.languages);
      // A snippet that does not render still gets room for a notice's worth of lines.
      const lines = languages.map((lang) => countLines(files?.find((file) => file.lang === lang)?.displayCode ?? ''));
      return [id, { title: snippet.config.title, languages, lines }];
    }),
  );
  return { ids: [...library.keys()], snippets };
}

/** Reads the library, renders each snippet with its defaults, and highlights that rendering. */
export async function buildLibrary(root: string, warn: (message: string) => void): Promise<Map<string, BuiltSnippet>> {
  const highlighter = await createBuildHighlighter();
  const renderer = createHandlebarsRenderer();
  const library = new Map<string, BuiltSnippet>();
  for (const snippet of readLibrary(root)) {
    let files: SnippetFile[] | null = null;
    let highlights: PrebuiltHighlights | null = null;
    try {
      files = renderFiles(compileChunk(snippet), resolveValues(snippet.id, snippet.config), renderer);
      const explained = Object.fromEntries(
        files.flatMap((file) => {
          const grammar = grammarOf(file.lang);
          return grammar ? [[file.lang, highlighter.explain(file.displayCode, grammar)]] : [];
        }),
      );
      highlights = encodePrebuiltHighlights(explained);
    } catch (error) {
      // The viewer shows this error on the page, and the library check names it.
      warn(`${snippet.id}: not rendered at build time (${(error as Error).message})`);
    }
    library.set(snippet.id, { snippet, files, highlights });
  }
  return library;
}

/**
 * The snippet's chunk as the page gets it, made in the build's own process: it evaluates the
 * specs it just compiled (the page never compiles or evaluates anything), so the default
 * rendering comes from the very renderer the page uses.
 */
export function compileChunk(snippet: LibrarySnippet): SnippetChunk {
  const templates: Record<string, TemplateSpec> = {};
  for (const { lang, path } of snippet.templates) {
    templates[lang] = new Function(`return ${Handlebars.precompile(readFileSync(path, 'utf8'), PRECOMPILE_OPTIONS)}`)() as TemplateSpec;
  }
  return { id: snippet.id, config: snippet.config, templates, highlights: null };
}
