import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

/**
 * `npm run test:unit`. Node is the environment: files that need a DOM say so in their first
 * line (`// @vitest-environment jsdom`), and only they pay for one.
 *
 * Threads without isolation: the modules are loaded once per worker, not once per file, which
 * halves the run. It holds because no module keeps state a test must reset (the state lives in
 * what `create…` functions return); a test that needs a fresh module would fail here first.
 * The npm package's test (it packs, installs and runs the tarball) is `npm run test:package`.
 */
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'node',
      include: ['test/**/*.test.{ts,tsx}'],
      exclude: ['test/e2e/**', 'test/package/**'],
      pool: 'threads',
      isolate: false,
      setupFiles: ['test/setup.ts'],
      globalSetup: ['test/support/global-build.ts'],
      restoreMocks: true,
      // The viewer's stylesheet is part of what the widget renders (shadow roots, static HTML).
      css: { include: [/viewer\.css/] },
    },
  }),
);
