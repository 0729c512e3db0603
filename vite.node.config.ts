import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { isRuntimeImport, libraryPlugins } from './build/library-build.ts';

const OUT = 'dist-lib/node';

/**
 * `npm run build:lib`, second half → dist-lib/node/: the Node API (index.js), the rehype
 * plugin (rehype.js) and the CLI (cli.js) as ES modules for Node 20, the template library
 * bundled in, run-time packages left to the consumer's install. Also writes
 * dist-lib/viewer.css, the viewer's stylesheet, for sites that link it (`stylesheet: { href }`).
 */
export default defineConfig({
  plugins: [...libraryPlugins(), viewerStylesheet()],
  publicDir: false,
  // Bundle everything but what isRuntimeImport leaves out (Vite's SSR default would leave every package out).
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: true,
    outDir: OUT,
    target: 'node20',
    emptyOutDir: true,
    rollupOptions: {
      input: { index: 'src/node/index.ts', rehype: 'src/node/rehype-snippets.ts', cli: 'src/node/cli.ts' },
      external: isRuntimeImport,
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});

/** Writes the stylesheet the built Node API inlines, from the built API itself: one source. */
function viewerStylesheet(): Plugin {
  return {
    name: 'snippets:viewer-stylesheet',
    apply: 'build',
    async closeBundle() {
      const api = (await import(pathToFileURL(resolve(OUT, 'index.js')).href)) as { viewerCss: string };
      await writeFile(resolve(OUT, '../viewer.css'), api.viewerCss);
    },
  };
}
