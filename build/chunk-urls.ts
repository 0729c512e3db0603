import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { scanLibrary } from './scan-library.ts';

const ID = 'virtual:chunk-urls';
const GRAMMARS = ['python', 'javascript', 'typescript', 'shellscript', 'json'] as const;
const MARK = '__SNIPPETS_CHUNK_URL__';
const MARKED = new RegExp(`([\`"'])${MARK}([^\`"']+)${MARK}\\1`, 'g');

/**
 * `virtual:chunk-urls`: the URLs of the snippets', the highlighter's and the viewer's chunks, so the page can start fetching
 * them (`<link rel="modulepreload">`) as soon as it knows it will need them, without running
 * them yet. The module names the chunks' source modules; once the bundle is laid out, each
 * name becomes its chunk's URL, resolved against the bundle's own. (Emitting the chunks
 * instead would make them entries and split their shared code into extra files.) Outside a
 * production build (tests, the library build) there are none: null.
 */
export function chunkUrls(options: { root: string; library: string; emit: boolean }): Plugin {
  let build = false;
  const marked = (id: string) => JSON.stringify(`${MARK}${id}${MARK}`);
  return {
    name: 'snippets:chunk-urls',
    configResolved(config) {
      build = options.emit && config.command === 'build';
    },
    resolveId: { filter: { id: /^virtual:chunk-urls$/ }, handler: () => `\0${ID}` },
    load: {
      filter: { id: /^\0virtual:chunk-urls$/ },
      handler() {
        if (!build) return 'export const snippetChunks = null;\nexport const highlighterChunks = null;\nexport const viewerChunk = null;\n';
        const snippets = scanLibrary(resolve(options.root, options.library)).map(({ id }) => `${JSON.stringify(id)}: ${marked(`virtual:snippet/${id}`)}`);
        const grammars = GRAMMARS.map((name) => `${name}: ${marked(`virtual:grammar/${name}`)}`).join(', ');
        const src = (path: string) => marked(resolve(options.root, 'src', path));
        return [
          `export const snippetChunks = { ${snippets.join(', ')} };`,
          `export const highlighterChunks = { core: ${src('highlight/shiki-core.ts')}, grammars: { ${grammars} } };`,
          `export const viewerChunk = ${src('ui/render-app.ts')};`,
          '',
        ].join('\n');
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
