import { defineConfig } from 'vitest/config';

/**
 * `npm run test:package`: the npm package as a docs team gets it (test/package/): packed, which
 * builds the library, installed offline into a fresh project and used there with plain Node.
 * Its own step because it is a build and an install more than a test of our code: about 20 s.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/package/**/*.test.ts'],
    hookTimeout: 180_000,
  },
});
