// Builds the bundle once and serves it with the test pages for every browser test file.
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildBundle, REPO_ROOT, serveFixtures } from './harness.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const distDir = buildBundle(join(REPO_ROOT, 'test-artifacts/e2e-dist'));
  const server = await serveFixtures({ distDir });
  project.provide('baseUrl', server.url);
  return () => server.close();
}
