import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

/** One file of a release, as listed in `manifest.json`. */
export type ReleaseFile = { file: string; bytes: number; gzipBytes?: number; integrity: string };

/** `dist/manifest.json`: what a release holds, with a Subresource Integrity hash per file. */
export type ReleaseManifest = { name: string; version: string; files: ReleaseFile[] };

export const MANIFEST_FILE = 'manifest.json';

// Text files are worth a gzip figure (the size a reader downloads); binaries are not.
const COMPRESSIBLE = /\.(?:js|mjs|css|json|map|svg|html|txt)$/;

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

/** Lists every file under `outDir` (but the manifest itself), sorted, with sizes and sha384. */
export function createReleaseManifest(outDir: string, meta: { name: string; version: string }): ReleaseManifest {
  const files = listFiles(outDir)
    .filter((file) => file !== MANIFEST_FILE)
    .sort()
    .map((file): ReleaseFile => {
      const bytes = readFileSync(join(outDir, file));
      const gzipBytes = COMPRESSIBLE.test(file) ? gzipSync(bytes, { level: 9 }).length : undefined;
      return { file, bytes: bytes.length, ...(gzipBytes === undefined ? {} : { gzipBytes }), integrity: sriHash(bytes) };
    });
  return { name: meta.name, version: meta.version, files };
}

/** `sha384-<base64>`, the form `integrity` attributes take. */
export function sriHash(bytes: Uint8Array): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
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

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}
