import { defineConfig } from 'vite';
import { cataloguePage } from './build/catalogue-page.ts';
import { chunkUrls } from './build/chunk-urls.ts';
import { dualThemePlugin } from './build/dual-theme.ts';
import { featherIcons } from './build/feather-icons.ts';
import { handlebarsHardenedRuntime } from './build/handlebars-hardened-runtime.ts';
import { handlebarsPrecompile } from './build/handlebars-precompile.ts';
import { releaseManifest } from './build/release-manifest.ts';
import { snippetDocs } from './build/snippet-docs.ts';
import { snippetLibrary } from './build/snippet-library.ts';

const LIBRARY = 'shared/snippets';

/**
 * `npm run build` → dist/bundle.js + dist/bundle.css + lazy chunks.
 *
 * SNIPPETS_CDN_PREFIX is the public URL of the folder the bundle is served from. Without
 * it the base is relative: chunks then resolve against bundle.js's own URL, which is what
 * a CDN on another origin than the page needs.
 */
export default defineConfig({
  base: process.env.SNIPPETS_CDN_PREFIX || './',
  plugins: [
    handlebarsPrecompile(),
    handlebarsHardenedRuntime(),
    dualThemePlugin(),
    featherIcons(),
    snippetLibrary({ root: LIBRARY }),
    chunkUrls({ library: LIBRARY, emit: true }),
    cataloguePage({ root: LIBRARY }),
    snippetDocs(),
    releaseManifest(),
  ],
  build: {
    outDir: 'dist',
    target: 'es2022',
    cssCodeSplit: false,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { bundle: 'src/entry.ts' },
      output: {
        entryFileNames: 'bundle.js',
        // Snippet chunks named after their id, so a page's network log reads like its content.
        chunkFileNames: (chunk) =>
          chunk.facadeModuleId?.startsWith('\0virtual:snippet/')
            ? `chunks/snippet.${chunk.facadeModuleId.slice('\0virtual:snippet/'.length)}-[hash].js`
            : 'chunks/[name]-[hash].js',
        assetFileNames: (asset) => (asset.names.some((n) => n.endsWith('.css')) ? 'bundle.css' : 'assets/[name]-[hash][extname]'),
      },
    },
  },
});
