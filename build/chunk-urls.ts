import type { Plugin, Rollup } from 'vite';
import type { ChunkFiles, ChunkUrls } from '../src/core/formats/chunk-urls.ts';
import { GRAMMARS } from '../src/core/languages.ts';
import { scanLibrary } from './read-library.ts';

// A module id between marks, in a string, becomes its chunk's URL (MARK) or, with the chunks
// it imports, a list of URLs (MARK_FILES) once the bundle is laid out.
const MARK = '__SNIPPETS_CHUNK_URL__';
const MARK_FILES = '__SNIPPETS_CHUNK_FILES__';
const MARKED = new RegExp(`([\`"'])(${MARK}|${MARK_FILES})([^\`"']+)\\2\\1`, 'g');

/**
 * `virtual:chunk-urls` (see src/core/formats/chunk-urls.ts): the URLs of the chunks a page
 * fetches ahead of running them. The module names each chunk by its source module; once the
 * bundle is laid out, each name becomes its chunk's URL, resolved against the bundle's own.
 * (Emitting the chunks instead would make them entries and split their shared code into
 * extra files.) Outside a production build there are none: null.
 */
export function chunkUrls(options: { library: string; emit: boolean }): Plugin {
  let build = false;
  return {
    name: 'snippets:chunk-urls',
    configResolved(config) {
      build = options.emit && config.command === 'build';
    },
    resolveId: { filter: { id: /^virtual:chunk-urls$/ }, handler: (id) => `\0${id}` },
    load: {
      filter: { id: /^\0virtual:chunk-urls$/ },
      async handler() {
        if (!build) return 'export const chunkUrls = null;\n';
        const resolveId = async (specifier: string, importer?: string) => {
          const resolved = await this.resolve(specifier, importer);
          if (!resolved) this.error(`virtual:chunk-urls: cannot resolve ${specifier}`);
          return resolved.id.replace(/^\0/, '');
        };
        const url = async (specifier: string) => `${MARK}${await resolveId(specifier)}${MARK}`;
        // Typed as the format's lists; the marked string becomes a list in generateBundle.
        const files = async (specifier: string, importer?: string) => `${MARK_FILES}${await resolveId(specifier, importer)}${MARK_FILES}` as unknown as ChunkFiles;
        const src = (path: string) => new URL(`../src/${path}`, import.meta.url).pathname;
        const urls: ChunkUrls = {
          snippets: Object.fromEntries(await Promise.all(scanLibrary(options.library).map(async ({ id }) => [id, await url(`virtual:snippet/${id}`)]))),
          renderer: await files(src('pipeline/create-handlebars-renderer.ts')),
          highlighter: await files(src('highlight/create-shiki-tokenizer.ts')),
          grammars: Object.fromEntries(await Promise.all(GRAMMARS.map(async (name) => [name, await files(`@shikijs/langs/${name}`, src('highlight/grammar-loaders.ts'))]))) as ChunkUrls['grammars'],
          viewer: await files(src('host/live-root.tsx')),
        };
        return `export const chunkUrls = ${JSON.stringify(urls)};\n`;
      },
    },
    generateBundle(_, bundle) {
      const byModule = new Map<string, Rollup.OutputChunk>();
      for (const file of Object.values(bundle)) {
        // Virtual modules' ids start with NUL, which cannot travel through the marked string.
        if (file.type === 'chunk' && file.facadeModuleId) byModule.set(file.facadeModuleId.replace(/^\0/, ''), file);
      }
      /** The chunk and every chunk it imports statically, however deep, but the entry (already running). */
      const withImports = (chunk: Rollup.OutputChunk): string[] => {
        const seen = new Set<string>([chunk.fileName]);
        const visit = (name: string) => {
          const imported = bundle[name];
          if (!imported || imported.type !== 'chunk') return;
          for (const next of imported.imports) {
            if (seen.has(next) || (bundle[next]?.type === 'chunk' && (bundle[next] as Rollup.OutputChunk).isEntry)) continue;
            seen.add(next);
            visit(next);
          }
        };
        visit(chunk.fileName);
        return [...seen];
      };
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk' || !file.code.includes(MARK)) continue;
        // Chunks sit beside the entry's folder; URLs relative to the file that holds them.
        const depth = file.fileName.split('/').length - 1;
        const urlOf = (name: string) => `new URL(${JSON.stringify(`${'../'.repeat(depth)}${name}`)}, import.meta.url).href`;
        file.code = file.code.replace(MARKED, (_, _quote, mark: string, id: string) => {
          const target = byModule.get(id);
          if (!target) this.error(`virtual:chunk-urls: no chunk is made from ${id}; is it still imported dynamically?`);
          return mark === MARK ? urlOf(target.fileName) : `[${withImports(target).map(urlOf).join(', ')}]`;
        });
      }
    },
  };
}
