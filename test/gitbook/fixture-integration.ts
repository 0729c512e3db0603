// The integration built for tests: the real library, and a release of the widget made up
// here (two files of known bytes, so the frame page's integrity hashes can be checked).
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIntegration, type BuildOptions, type BuildResult } from '../../integrations/gitbook/scripts/build-integration';

export const CDN = 'https://cdn.example.test/snippets/9.8.7/';
export const RELEASE = '9.8.7';
const sri = (text: string) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
export const INTEGRITY = { js: sri('console.log("bundle")'), css: sri('snippet{display:block}') };

export interface FixtureIntegration {
  dir: string;
  build: BuildResult;
  release: string;
  cleanup: () => void;
}

/** Writes a release manifest and builds the integration against it, in a temporary folder. */
export async function buildFixtureIntegration(options: Partial<BuildOptions> = {}): Promise<FixtureIntegration> {
  const dir = mkdtempSync(join(tmpdir(), 'gitbook-unit-'));
  const releaseManifest = join(dir, 'manifest.json');
  writeFileSync(
    releaseManifest,
    JSON.stringify({
      name: '@aimlapi/snippets',
      version: RELEASE,
      files: [
        { file: 'bundle.css', bytes: 22, integrity: INTEGRITY.css },
        { file: 'bundle.js', bytes: 21, integrity: INTEGRITY.js },
        { file: 'chunks/x.js', bytes: 1, integrity: sri('x') },
      ],
    }),
  );
  const build = await buildIntegration({ cdn: CDN, releaseManifest, outDir: join(dir, 'out'), ...options });
  return { dir, build, release: RELEASE, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
