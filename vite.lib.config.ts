import { defineConfig } from 'vite';
import { chunkUrls } from './build/chunk-urls.ts';
import { dualThemePlugin } from './build/dual-theme.ts';
import { featherIcons } from './build/feather-icons.ts';
import { handlebarsHardenedRuntime } from './build/handlebars-hardened-runtime.ts';
import { handlebarsPrecompile } from './build/handlebars-precompile.ts';
import { snippetLibrary } from './build/snippet-library.ts';

const LIBRARY = 'shared/snippets';

/**
 * `npm run build:lib` → dist-lib/: the React component as an ES module library, sharing
 * the widget's pipeline and markup. React stays a peer: the host app's copy is used.
 */
export default defineConfig({
  plugins: [handlebarsPrecompile(), handlebarsHardenedRuntime(), dualThemePlugin(), featherIcons(), snippetLibrary({ root: LIBRARY }), chunkUrls({ library: LIBRARY, emit: false })],
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
