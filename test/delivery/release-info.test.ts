// @vitest-environment node
// scripts/release-info.mjs: how a push is named, as deploy.yml reads it from $GITHUB_OUTPUT.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { releaseInfo } from '../../scripts/release-info.mjs';

const run = promisify(execFile);
const CDN = 'https://cdn.example.com/snippets';
const SHA = '0123456789abcdef0123456789abcdef01234567';

function packageJson(version: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'snippets-pkg-')), 'package.json');
  writeFileSync(file, JSON.stringify({ name: '@aimlapi/snippets', version }));
  return file;
}

const info = (version: string, env: Record<string, string>) => releaseInfo({ packageJson: packageJson(version), env: { CDN_BASE_URL: CDN, ...env } });
const failure = (call: () => unknown) => {
  try {
    call();
  } catch (error) {
    return (error as Error).message;
  }
  return 'did not fail';
};

describe('scripts/release-info.mjs', () => {
  it('names a tag push by the package version, and refuses a tag that disagrees with package.json', () => {
    expect(info('2.3.4', { GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v2.3.4' })).toEqual({ version: '2.3.4', major: '2', cdn_prefix: `${CDN}/2.3.4/` });
    expect(failure(() => info('2.3.4', { GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v2.3.5' }))).toBe(
      'Tag "v2.3.5" does not match package.json version 2.3.4; tag v2.3.4 instead.',
    );
  });

  it('names a push to main as a pre-release of the package version, unique per commit', () => {
    expect(info('2.3.4', { GITHUB_REF_TYPE: 'branch', GITHUB_REF_NAME: 'main', GITHUB_SHA: SHA })).toEqual({
      version: '2.3.4-main.0123456',
      major: '2',
      cdn_prefix: `${CDN}/2.3.4-main.0123456/`,
    });
    expect(failure(() => info('2.3.4', { GITHUB_REF_TYPE: 'branch' }))).toBe('GITHUB_SHA is missing: cannot name a pre-release.');
  });

  it('refuses a package version that is not semver and a CDN_BASE_URL that is not a URL', () => {
    expect(failure(() => info('2.3', { GITHUB_REF_TYPE: 'branch', GITHUB_SHA: SHA }))).toBe('"2.3" is not a semver version like 1.2.3 or 1.2.3-main.abc1234.');
    expect(failure(() => info('2.3.4', { GITHUB_REF_TYPE: 'branch', GITHUB_SHA: SHA, CDN_BASE_URL: 'cdn.example.com' }))).toMatch(/^CDN_BASE_URL .* must be an http\(s\) URL/);
  });

  it('prints key=value lines for $GITHUB_OUTPUT when run as the workflow runs it', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const { stdout } = await run(process.execPath, ['scripts/release-info.mjs'], {
      env: { PATH: process.env.PATH ?? '', CDN_BASE_URL: CDN, GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: `v${version}` },
    });
    expect(stdout).toBe(`version=${version}\nmajor=${version.split('.')[0]}\ncdn_prefix=${CDN}/${version}/\n`);
  });
});
