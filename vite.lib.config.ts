import { defineConfig } from 'vite';
import { chunkUrls } from './build/chunk-urls.ts';
import { handlebarsPrecompile } from './build/handlebars-precompile.ts';
import { precompileGrammars } from './build/precompile-grammars.ts';
import { slimThemes } from './build/slim-themes.ts';
import { snippetLibrary } from './build/snippet-library.ts';

/**
 * `npm run build:lib` → dist-lib/: the React component as an ES module library, sharing
 * the widget's pipeline and UI. React stays a peer: the host app's copy is used.
 */
export default defineConfig({
  plugins: [handlebarsPrecompile(), slimThemes(), precompileGrammars(), snippetLibrary({ root: 'shared/snippets' }), chunkUrls({ root: import.meta.dirname, library: 'shared/snippets', emit: false })],
  // embed.html and friends belong to the CDN build only.
  publicDir: false,
  build: {
    outDir: 'dist-lib',
    target: 'es2022',
    emptyOutDir: true,
    lib: { entry: 'src/react/index.ts', formats: ['es'], fileName: () => 'index.js' },
    rollupOptions: {
      external: [/^react($|\/)/, /^react-dom($|\/)/],
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
