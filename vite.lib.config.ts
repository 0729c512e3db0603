import { defineConfig } from 'vite';
import { isRuntimeImport, libraryPlugins } from './build/library-build.ts';

/**
 * `npm run build:lib`, first half → dist-lib/react/: the React component as an ES module for
 * the consumer's bundler, sharing the widget's pipeline and markup. React stays a peer and the
 * other run-time packages stay imports (one copy in the host app). The second half is
 * vite.node.config.ts.
 */
export default defineConfig({
  plugins: libraryPlugins(),
  // embed.html and friends belong to the CDN build only.
  publicDir: false,
  build: {
    outDir: 'dist-lib/react',
    target: 'es2022',
    emptyOutDir: true,
    lib: { entry: 'src/react/index.ts', formats: ['es'], fileName: () => 'index.js' },
    rollupOptions: {
      external: isRuntimeImport,
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
