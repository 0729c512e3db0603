import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

/**
 * `npm run test:e2e`: the built bundle in system Chromium (see test/e2e/browser.mjs). The
 * build's plugins are in too: a test may render pages ahead of time with the Node API.
 * One file at a time: a browser per file on a 2-core machine is already plenty.
 */
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'node',
      include: ['test/e2e/**/*.test.ts'],
      globalSetup: ['test/e2e/global-setup.ts'],
      fileParallelism: false,
      maxWorkers: 1,
      testTimeout: 60_000,
      hookTimeout: 120_000,
      teardownTimeout: 30_000,
      css: { include: [/viewer\.css/] },
    },
  }),
);
