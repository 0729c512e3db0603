// Serves the shared production build with the test pages for every browser test file.
import type { TestProject } from 'vitest/node';
import { ensureTestBuild, serveFixtures } from './harness.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await serveFixtures({ distDir: ensureTestBuild() });
  project.provide('baseUrl', server.url);
  return () => server.close();
}
