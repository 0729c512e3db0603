import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { createReleaseManifest, MANIFEST_FILE, type ReleaseManifest } from '../scripts/deploy/release-files.mjs';

// The manifest's format, listing and hashing live in one module shared with the deploy scripts.
export { createReleaseManifest, MANIFEST_FILE, sriHash } from '../scripts/deploy/release-files.mjs';
export type { ReleaseFile, ReleaseManifest } from '../scripts/deploy/release-files.mjs';

/**
 * Writes `manifest.json` into the output folder once the bundle is on disk, and prints
 * the `<script>`/`<link>` tags with `integrity` for the versioned CDN folder.
 *
 * The version is `SNIPPETS_VERSION` when set (the deploy job names pre-releases that way),
 * else package.json's. The tags use the build's base when it is an absolute URL
 * (`SNIPPETS_CDN_PREFIX`), else a placeholder to replace by hand.
 */
export function releaseManifest(options: { version?: string } = {}): Plugin {
  let config: ResolvedConfig;
  // closeBundle also runs after a failed build; only a build that wrote its bundle gets a manifest.
  let written = false;
  return {
    name: 'snippets:release-manifest',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    buildStart() {
      written = false;
    },
    writeBundle() {
      written = true;
    },
    closeBundle() {
      if (!written) return;
      const outDir = resolve(config.root, config.build.outDir);
      const pkg = JSON.parse(readFileSync(resolve(config.root, 'package.json'), 'utf8')) as { name: string; version: string };
      const version = options.version ?? (process.env.SNIPPETS_VERSION || pkg.version);
      const manifest = createReleaseManifest(outDir, { name: pkg.name, version });
      writeFileSync(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
      const absolute = /^https?:\/\//.test(config.base);
      const base = absolute ? config.base : `https://<cdn>/snippets/${version}/`;
      const tags = releaseTags(manifest, base).join('\n');
      config.logger.info(`\nRelease ${manifest.name}@${version}: ${manifest.files.length} files. Tags for ${base}\n${tags}`);
      // A deploy build (absolute base) in GitHub Actions also puts the tags on the run's summary page.
      const summary = process.env.GITHUB_STEP_SUMMARY;
      if (absolute && summary) appendFileSync(summary, `### ${manifest.name}@${version}\n\n\`\`\`html\n${tags}\n\`\`\`\n`);
    },
  };
}

/** The ready-to-paste tags for the entry script and the stylesheet under `base`. */
export function releaseTags(manifest: ReleaseManifest, base: string): string[] {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const find = (name: string) => manifest.files.find((f) => f.file === name);
  const tags: string[] = [];
  const js = find('bundle.js');
  const css = find('bundle.css');
  if (js) tags.push(`<script type="module" src="${prefix}bundle.js" integrity="${js.integrity}" crossorigin="anonymous"></script>`);
  if (css) tags.push(`<link rel="stylesheet" href="${prefix}bundle.css" integrity="${css.integrity}" crossorigin="anonymous">`);
  return tags;
}
