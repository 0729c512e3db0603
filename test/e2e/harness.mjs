// Build-and-serve plumbing shared by the browser tests (global setup) and the benchmark.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../scripts/static-server.mjs';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const PAGES_DIR = join(REPO_ROOT, 'test/e2e/pages');

/** What the strict-CSP routes (`/csp/…`) are served with: the policy from issue 4. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

/**
 * Runs the production build (`vite build`, the same config as `npm run build`) into `outDir`.
 * A private outDir keeps the tests independent of whoever else runs `npm run build` meanwhile.
 */
export function buildBundle(outDir) {
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
  const env = { ...process.env };
  delete env.SNIPPETS_CDN_PREFIX; // relative base: chunks resolve against bundle.js
  delete env.NODE_ENV; // Vitest sets "test", which would build React's development code, not what ships
  try {
    execFileSync(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  } catch (error) {
    const output = `${error.stdout ?? ''}\n${error.stderr ?? ''}`.trim();
    throw new Error(`vite build failed (the widget's build is broken):\n${output}`, { cause: error });
  }
  for (const file of ['bundle.js', 'bundle.css']) {
    if (!existsSync(join(outDir, file))) throw new Error(`vite build did not write ${join(outDir, file)}`);
  }
  return outDir;
}

/**
 * Serves the test pages at `/`, the same pages under a strict CSP at `/csp/`,
 * the built bundle at `/dist/`, and any extra mounts.
 * @param {{ distDir: string, pagesDir?: string, mounts?: Record<string, string> }} options
 */
export function serveFixtures({ distDir, pagesDir = PAGES_DIR, mounts = {} }) {
  return startStaticServer({
    root: pagesDir,
    mounts: { '/dist/': distDir, '/csp/': pagesDir, ...mounts },
    headers: (path) => (path.startsWith('/csp/') ? { 'Content-Security-Policy': STRICT_CSP } : {}),
  });
}
