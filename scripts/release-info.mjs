// @ts-check
// Names the release a deploy publishes, for .github/workflows/deploy.yml:
//   a tag push `v1.2.3` publishes 1.2.3 (and fails unless package.json says 1.2.3);
//   a push to main publishes the pre-release 1.2.3-main.<sha7>, so every deploy gets its
//   own immutable folder and an unchanged package.json never rewrites a published one.
// Prints `version=…`, `major=…`, `cdn_prefix=…` lines (append them to $GITHUB_OUTPUT).
// Env: GITHUB_REF_TYPE, GITHUB_REF_NAME, GITHUB_SHA (set by Actions), CDN_BASE_URL.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { majorOf } from './deploy/release-files.mjs';

/**
 * Computes version, major and the public URL of the versioned folder.
 * @param {{ env?: Record<string, string | undefined>, packageJson?: string }} [options]
 * @returns {{ version: string, major: string, cdn_prefix: string }}
 */
export function releaseInfo({ env = process.env, packageJson = 'package.json' } = {}) {
  /** @type {string} */
  const pkgVersion = JSON.parse(readFileSync(packageJson, 'utf8')).version;
  majorOf(pkgVersion);
  let version;
  if (env.GITHUB_REF_TYPE === 'tag') {
    if (env.GITHUB_REF_NAME !== `v${pkgVersion}`) {
      throw new Error(`Tag "${env.GITHUB_REF_NAME}" does not match package.json version ${pkgVersion}; tag v${pkgVersion} instead.`);
    }
    version = pkgVersion;
  } else {
    const sha = (env.GITHUB_SHA ?? '').slice(0, 7);
    if (!/^[0-9a-f]{7}$/.test(sha)) throw new Error('GITHUB_SHA is missing: cannot name a pre-release.');
    version = `${pkgVersion}-main.${sha}`;
  }
  const base = env.CDN_BASE_URL ?? '';
  if (!/^https?:\/\/[^/]/.test(base)) throw new Error('CDN_BASE_URL (a repository variable) must be an http(s) URL, e.g. https://cdn.example.com/snippets.');
  return { version, major: majorOf(version), cdn_prefix: `${base.replace(/\/+$/, '')}/${version}/` };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const info = releaseInfo();
    for (const [key, value] of Object.entries(info)) console.log(`${key}=${value}`);
  } catch (error) {
    console.error(`release-info: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
