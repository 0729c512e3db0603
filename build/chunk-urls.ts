import type { Plugin } from 'vite';
import type { ChunkUrls } from '../src/core/formats/chunk-urls.ts';
import { GRAMMARS } from '../src/core/languages.ts';
import { scanLibrary } from './read-library.ts';

const MARK = '__SNIPPETS_CHUNK_URL__';
const MARKED = new RegExp(`([\`"'])${MARK}([^\`"']+)${MARK}\\1`, 'g');

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
        const source = async (specifier: string, importer?: string) => {
          const resolved = await this.resolve(specifier, importer);
          if (!resolved) this.error(`virtual:chunk-urls: cannot resolve ${specifier}`);
          return `${MARK}${resolved.id.replace(/^\0/, '')}${MARK}`;
        };
        const src = (path: string) => new URL(`../src/${path}`, import.meta.url).pathname;
        const urls: ChunkUrls = {
          snippets: Object.fromEntries(await Promise.all(scanLibrary(options.library).map(async ({ id }) => [id, await source(`virtual:snippet/${id}`)]))),
          renderer: await source(src('pipeline/create-handlebars-renderer.ts')),
          highlighter: await source(src('highlight/create-shiki-tokenizer.ts')),
          grammars: Object.fromEntries(await Promise.all(GRAMMARS.map(async (name) => [name, await source(`@shikijs/langs/${name}`, src('highlight/grammar-loaders.ts'))]))) as ChunkUrls['grammars'],
          viewer: await source(src('host/live-root.tsx')),
        };
        return `export const chunkUrls = ${JSON.stringify(urls)};\n`;
      },
    },
    generateBundle(_, bundle) {
      const byModule = new Map<string, string>();
      for (const file of Object.values(bundle)) {
        // Virtual modules' ids start with NUL, which cannot travel through the marked string.
        if (file.type === 'chunk' && file.facadeModuleId) byModule.set(file.facadeModuleId.replace(/^\0/, ''), file.fileName);
      }
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk' || !file.code.includes(MARK)) continue;
        file.code = file.code.replace(MARKED, (_, _quote, id: string) => {
          const target = byModule.get(id);
          if (!target) this.error(`virtual:chunk-urls: no chunk is made from ${id}; is it still imported dynamically?`);
          // Chunks sit beside the entry's folder; a URL relative to the file that holds it.
          const depth = file.fileName.split('/').length - 1;
          return `new URL(${JSON.stringify(`${'../'.repeat(depth)}${target}`)}, import.meta.url).href`;
        });
      }
    },
  };
}
