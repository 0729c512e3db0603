import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      include: ['test/**/*.test.{ts,tsx}'],
      exclude: ['test/e2e/**'],
      setupFiles: ['test/setup.ts'],
      restoreMocks: true,
    },
  }),
);
