// The production build the tests share: made once per change of its inputs (see harness.mjs).
import type { TestProject } from 'vitest/node';
import { ensureTestBuild } from '../e2e/harness.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}

export default function setup(project: TestProject) {
  project.provide('distDir', ensureTestBuild());
}
