// @vitest-environment node
// The release manifest of a real `vite build` (the project's own config, into a temp folder):
// every file listed with the right size and sha384, and the SRI tags printed for the CDN.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createReleaseManifest, releaseManifest, releaseTags, type ReleaseManifest } from '../../build/release-manifest';
import { readRelease } from '../../scripts/deploy/release-files.mjs';
import { makeFixtureDist } from './fixture-dist';

const PREFIX = 'https://cdn.example.com/snippets/9.9.9-main.abcdef0/';

function viteBuild(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'snippets-build-'));
  const outDir = join(dir, 'dist');
  const summary = join(dir, 'summary.md');
  // Vitest sets NODE_ENV=test, which would make Vite build React's development bundle.
  const { SNIPPETS_CDN_PREFIX: _p, SNIPPETS_VERSION: _v, GITHUB_STEP_SUMMARY: _s, NODE_ENV: _n, ...inherited } = process.env;
  const log = execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--emptyOutDir'], {
    env: { ...inherited, GITHUB_STEP_SUMMARY: summary, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as ReleaseManifest;
  return { outDir, log, manifest, summary };
}

const sha384 = (bytes: Buffer) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1).split('\\').join('/'));
}

describe('dist/manifest.json from a deploy build', () => {
  let build: ReturnType<typeof viteBuild>;
  beforeAll(() => {
    build = viteBuild({ SNIPPETS_CDN_PREFIX: PREFIX, SNIPPETS_VERSION: '9.9.9-main.abcdef0' });
  }, 120_000);

  it('names the package and the version the deploy gave it', () => {
    expect(build.manifest.name).toBe('@aimlapi/snippets');
    expect(build.manifest.version).toBe('9.9.9-main.abcdef0');
  });

  it('lists every file of dist but itself, sorted, each with its true size, gzip size and sha384', () => {
    const listed = build.manifest.files.map((f) => f.file);
    expect(listed).toEqual(filesUnder(build.outDir).filter((f) => f !== 'manifest.json').sort());
    expect(listed).toContain('bundle.js');
    expect(listed).toContain('bundle.css');
    expect(listed.some((f) => f.startsWith('chunks/'))).toBe(true);
    for (const entry of build.manifest.files) {
      const bytes = readFileSync(join(build.outDir, entry.file));
      expect(entry.integrity, entry.file).toBe(sha384(bytes));
      expect(entry.bytes, entry.file).toBe(bytes.length);
      expect(entry.gzipBytes, entry.file).toBeGreaterThan(0);
      expect(entry.gzipBytes!, entry.file).toBeLessThan(bytes.length + 64);
    }
  });

  it('is a release the deploy script accepts: every file verified and with a known Content-Type', () => {
    const release = readRelease(build.outDir);
    expect(release.version).toBe('9.9.9-main.abcdef0');
    expect(release.major).toBe('9');
    expect(release.files.map((f) => f.file).slice(-3)).toEqual(['bundle.css', 'bundle.js', 'manifest.json']);
  });

  it('prints the SRI tags for the versioned URL, and puts them on the job summary', () => {
    const integrity = (file: string) => build.manifest.files.find((f) => f.file === file)!.integrity;
    const script = `<script type="module" src="${PREFIX}bundle.js" integrity="${integrity('bundle.js')}" crossorigin="anonymous"></script>`;
    const link = `<link rel="stylesheet" href="${PREFIX}bundle.css" integrity="${integrity('bundle.css')}" crossorigin="anonymous">`;
    expect(build.log).toContain(`${script}\n${link}`);
    expect(readFileSync(build.summary, 'utf8')).toContain(`${script}\n${link}`);
  });

  it('keeps lazy imports relative, so the same files also work from the moving /v<major>/ folder', () => {
    // Rolldown emits import('./chunks/…') resolved against bundle.js's own URL; the absolute
    // base only reaches preload hints and CSS asset URLs, which point at the immutable folder.
    const bundle = readFileSync(join(build.outDir, 'bundle.js'), 'utf8');
    const chunkImports = [...bundle.matchAll(/import\(\s*[`'"]([^`'"]*chunks\/[^`'"]+)[`'"]\s*\)/g)].map((m) => m[1]!);
    expect(chunkImports.length).toBeGreaterThan(0);
    for (const specifier of chunkImports) expect(specifier).toMatch(/^\.\/chunks\/[\w.-]+\.js$/);
    expect(bundle).not.toMatch(/import\(\s*[`'"]https?:/);
  });
});

// The plugin's other branch, a build without an absolute base, driven through its hooks as Vite
// calls them (a second real build would only repeat the one above).
describe('releaseManifest() in a build without SNIPPETS_CDN_PREFIX', () => {
  function build({ wrote = true } = {}) {
    const root = mkdtempSync(join(tmpdir(), 'snippets-root-'));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: '@aimlapi/snippets', version: '4.5.6' }));
    const outDir = makeFixtureDist('0.0.0', { chunkCount: 1 });
    rmSync(join(outDir, 'manifest.json'));
    const summary = join(root, 'summary.md');
    vi.stubEnv('GITHUB_STEP_SUMMARY', summary);
    vi.stubEnv('SNIPPETS_VERSION', '');
    const logged: string[] = [];
    const config = { root, base: '/', build: { outDir }, logger: { info: (text: string) => logged.push(text) } } as unknown as ResolvedConfig;
    const plugin = releaseManifest();
    hook(plugin, 'configResolved', config);
    hook(plugin, 'buildStart');
    if (wrote) hook(plugin, 'writeBundle');
    hook(plugin, 'closeBundle');
    vi.unstubAllEnvs();
    const manifestFile = join(outDir, 'manifest.json');
    return { log: logged.join('\n'), summary, manifest: existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as ReleaseManifest) : null };
  }

  it("uses package.json's version, prints placeholder tags and leaves the job summary alone", () => {
    const { log, summary, manifest } = build();
    expect(manifest?.version).toBe('4.5.6');
    expect(log).toContain(`<script type="module" src="https://<cdn>/snippets/4.5.6/bundle.js" integrity="${manifest?.files.find((f) => f.file === 'bundle.js')?.integrity}"`);
    expect(existsSync(summary)).toBe(false);
  });

  it('writes no manifest when the build failed before writing its bundle', () => {
    expect(build({ wrote: false }).manifest).toBeNull();
  });
});

function hook(plugin: Plugin, name: 'configResolved' | 'buildStart' | 'writeBundle' | 'closeBundle', ...args: unknown[]) {
  const value = plugin[name] as ((...a: unknown[]) => unknown) | { handler: (...a: unknown[]) => unknown } | undefined;
  const handler = typeof value === 'function' ? value : value?.handler;
  if (!handler) throw new Error(`releaseManifest() has no ${name} hook`);
  return handler.call({}, ...args);
}

describe('createReleaseManifest', () => {
  it('lists size, gzip size (level 9) and sha384 per file, and builds tags under any base', () => {
    const dir = makeFixtureDist('1.0.0', { chunkCount: 1 });
    const manifest = createReleaseManifest(dir, { name: 'x', version: '1.0.0' });
    const css = manifest.files.find((f) => f.file === 'bundle.css')!;
    const bytes = readFileSync(join(dir, 'bundle.css'));
    expect(css).toEqual({ file: 'bundle.css', bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length, integrity: sha384(bytes) });
    expect(gunzipSync(gzipSync(bytes, { level: 9 }))).toEqual(bytes);
    expect(releaseTags(manifest, 'https://cdn.example.com/s/1.0.0')[0]).toContain('src="https://cdn.example.com/s/1.0.0/bundle.js"');
  });
});
