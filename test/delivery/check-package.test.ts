// @vitest-environment node
// scripts/deploy/check-package.mjs, the deploy workflow's last check before `npm publish`, on small
// packages packed by the real npm (offline).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkPackage } from '../../scripts/deploy/check-package.mjs';

const run = promisify(execFile);

/** A package like ours: a React entry and its types under the git-ignored dist-lib/, built. */
function makePackage(extra: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'snippets-package-'));
  const pkg = {
    name: '@aimlapi/snippets',
    version: '1.2.3',
    exports: { './react': { types: './dist-lib/types/react/index.d.ts', import: './dist-lib/index.js' } },
    ...extra,
  };
  const files: Record<string, string> = {
    'package.json': JSON.stringify(pkg),
    '.gitignore': 'dist-lib/\n',
    'README.md': '# snippets\n',
    'dist-lib/index.js': 'export {};\n',
    'dist-lib/types/react/index.d.ts': 'export {};\n',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

describe('scripts/deploy/check-package.mjs', () => {
  it('passes a package whose "files" takes in what its exports name', () => {
    const result = checkPackage(makePackage({ files: ['dist-lib'] }));
    expect(result.missing).toEqual([]);
    expect(result.files).toContain('dist-lib/index.js');
  });

  it('exits 1 naming the built files npm would leave out (git-ignored, no "files" list), run as the workflow runs it', async () => {
    const failure = await run(process.execPath, [resolve('scripts/deploy/check-package.mjs'), makePackage()], { timeout: 30_000 }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain(
      'check-package: @aimlapi/snippets@1.2.3 would not contain dist-lib/types/react/index.d.ts, dist-lib/index.js',
    );
  });
});
