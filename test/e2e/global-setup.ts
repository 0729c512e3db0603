// Builds the bundle once and serves it with the test pages for every browser test file.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildBundle, REPO_ROOT, serveFixtures } from './harness.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const distDir = join(REPO_ROOT, 'test-artifacts/e2e-dist');
  // E2E_SKIP_BUILD=1 reuses the last build (quick reruns while iterating on tests only).
  if (!(process.env.E2E_SKIP_BUILD === '1' && existsSync(join(distDir, 'bundle.js')))) buildBundle(distDir);
  const server = await serveFixtures({ distDir });
  project.provide('baseUrl', server.url);
  return () => server.close();
}
