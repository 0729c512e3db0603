import { defineConfig } from 'vitest/config';

/**
 * `npm run test:e2e`: the built bundle in system Chromium (see test/e2e/browser.mjs).
 * One file at a time: a browser per file on a 2-core machine is already plenty.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
