import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

/**
 * `npm run test:unit`. Node is the environment: files that need a DOM say so in their first
 * line (`// @vitest-environment jsdom`), and only they pay for one.
 */
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'node',
      include: ['test/**/*.test.{ts,tsx}'],
      exclude: ['test/e2e/**'],
      setupFiles: ['test/setup.ts'],
      globalSetup: ['test/support/global-build.ts'],
      restoreMocks: true,
      // The viewer's stylesheet is part of what the widget renders (shadow roots, static HTML).
      css: { include: [/viewer\.css/] },
    },
  }),
);
