export declare const REPO_ROOT: string;
export declare const PAGES_DIR: string;
export declare const STRICT_CSP: string;
/** Runs `vite build` into `outDir`; throws with the build output when it fails. */
export declare function buildBundle(outDir: string): string;
/** Serves test pages at `/`, the same under a strict CSP at `/csp/`, the bundle at `/dist/`. */
export declare function serveFixtures(options: {
  distDir: string;
  pagesDir?: string;
  mounts?: Record<string, string>;
}): Promise<{ url: string; port: number; close: () => Promise<void> }>;
