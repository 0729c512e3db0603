// @ts-check
// Build-and-serve plumbing shared by the tests (unit, build, delivery and browser) and the benchmark.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { createFaults, distFileOf } from './faults.mjs';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const PAGES_DIR = join(REPO_ROOT, 'test/e2e/pages');
/** Where the tests' production build lives; each run of tests reuses it while its inputs are unchanged. */
export const TEST_DIST = join(REPO_ROOT, 'test-artifacts/dist');

/** What the strict-CSP routes (`/csp/…`) are served with. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

/**
 * Runs the production build (`vite build`, the same config as `npm run build`) into `outDir`.
 * A private outDir keeps the tests independent of whoever else runs `npm run build` meanwhile.
 */
/** @param {string} outDir */
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
  } catch (caught) {
    const error = /** @type {Error & { stdout?: string, stderr?: string }} */ (caught);
    const output = `${error.stdout ?? ''}\n${error.stderr ?? ''}`.trim();
    throw new Error(`vite build failed (the widget's build is broken):\n${output}`, { cause: caught });
  }
  for (const file of ['bundle.js', 'bundle.css']) {
    if (!existsSync(join(outDir, file))) throw new Error(`vite build did not write ${join(outDir, file)}`);
  }
  return outDir;
}

const INPUTS = ['src', 'build', 'public', 'shared/snippets', 'vite.config.ts', 'package.json', 'package-lock.json'];

/** A hash of everything the build reads: the same hash, the same dist/. */
function inputsHash() {
  const hash = createHash('sha256');
  const visit = (/** @type {string} */ path) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) visit(join(path, entry));
      return;
    }
    hash.update(path).update(readFileSync(path));
  };
  INPUTS.forEach((input) => visit(join(REPO_ROOT, input)));
  return hash.digest('hex');
}

/**
 * The production build the tests share (unit, build, delivery and browser tests alike): built
 * when its inputs changed since the last one, else reused, so a run of `npm test` builds once.
 */
export function ensureTestBuild() {
  const stamp = join(TEST_DIST, '.inputs-hash');
  const hash = inputsHash();
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash && existsSync(join(TEST_DIST, 'bundle.js'))) return TEST_DIST;
  buildBundle(TEST_DIST);
  writeFileSync(stamp, hash);
  return TEST_DIST;
}

/**
 * Serves the test pages at `/`, the same pages under a strict CSP at `/csp/`,
 * the built bundle at `/dist/`, and any extra mounts. `faults` (test/e2e/faults.mjs) answers
 * what it matches with a network fault: `server.faults.add(/\/chunks\/snippet\./, 'stall')`.
 * @param {{ distDir: string, pagesDir?: string, mounts?: Record<string, string>, headers?: (path: string) => Record<string, string> }} options
 */
export async function serveFixtures({ distDir, pagesDir = PAGES_DIR, mounts = {}, headers = () => ({}) }) {
  const faults = createFaults(distFileOf(distDir));
  const server = await startStaticServer({
    root: pagesDir,
    mounts: { '/dist/': distDir, '/csp/': pagesDir, ...mounts },
    headers: (path) => ({ ...(path.startsWith('/csp/') ? { 'Content-Security-Policy': STRICT_CSP } : {}), ...headers(path) }),
    intercept: faults.intercept,
  });
  return {
    ...server,
    faults,
    close: () => {
      faults.clear();
      return server.close();
    },
  };
}
