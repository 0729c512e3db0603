import { defineConfig } from 'vitest/config';

/**
 * `npm run check:samples`: every sample of the library run against a local mock of the API
 * (test/samples/). Its files end in `.check.ts` so that the unit run (`vitest run`, which takes
 * `*.test.ts`) does not run them a second time. Node, not jsdom: the check spawns programs and
 * serves HTTP. One file at a time: each already runs its programs 3 at once.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/samples/**/*.check.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    // The whole library runs in one beforeAll: about 2.5 minutes on a shared 2-core machine.
    hookTimeout: 360_000,
  },
});
