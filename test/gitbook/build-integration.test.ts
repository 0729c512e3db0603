// @vitest-environment node
// `npm run build:gitbook`: what it needs, and what it says when it does not have it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { buildIntegration } from '../../integrations/gitbook/scripts/build-integration';
import { framePage } from '../../integrations/gitbook/scripts/frame-page';
import { buildFixtureIntegration, INTEGRITY } from './fixture-integration';

const ROOT = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'gitbook-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const release = join(dir, 'manifest.json');
writeFileSync(release, JSON.stringify({ version: '2.0.0', files: [{ file: 'bundle.js', integrity: INTEGRITY.js }, { file: 'bundle.css', integrity: INTEGRITY.css }] }));

describe('build:gitbook refuses what it cannot build, naming the value and the fix', () => {
  it.each([
    [{ cdn: '/snippets/2.0.0/' }, /^The CDN folder must be an absolute http\(s\) URL, e\.g\. https:\/\/cdn\.example\.com\/snippets\/1\.2\.3\/, got "\/snippets\/2\.0\.0\/"\. Set --cdn or SNIPPETS_CDN_PREFIX\.$/],
    [{ cdn: 'ftp://cdn.example.test/2.0.0/' }, /absolute http\(s\) URL.*got "ftp:/],
    [{ releaseManifest: join(dir, 'missing.json') }, /^Cannot read the widget's release manifest .*missing\.json \(.*\)\. Build the widget first: SNIPPETS_CDN_PREFIX=<cdn folder> npm run build\.$/],
    [{ library: join(dir, 'no-library') }, /^Snippet library folder not found: .*no-library\./],
  ])('%j', async (options, message) => {
    await expect(buildIntegration({ cdn: 'https://cdn.example.test/2.0.0/', releaseManifest: release, outDir: join(dir, 'out'), ...options })).rejects.toThrow(message);
  });

  it('a manifest that is not the widget’s release manifest', async () => {
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ version: '1', files: [{ file: 'bundle.css', integrity: INTEGRITY.css }] }));
    await expect(buildIntegration({ cdn: 'https://cdn.example.test/1/', releaseManifest: other, outDir: join(dir, 'out') })).rejects.toThrow(
      /other\.json lists no sha384 integrity for bundle\.js: it is not a release manifest of the widget's build\./,
    );
  });

  it('an empty library', async () => {
    mkdirSync(join(dir, 'empty'), { recursive: true });
    await expect(buildIntegration({ cdn: 'https://cdn.example.test/1/', releaseManifest: release, library: join(dir, 'empty'), outDir: join(dir, 'out') })).rejects.toThrow(
      /has no snippets: pass --library <dir>/,
    );
  });

  it('a frame script that could not be inlined', () => {
    expect(() => framePage({ cdn: 'https://cdn.example.test/1/', integrity: INTEGRITY, script: 'a="</script>"' })).toThrow(/contains "<\/script" or "<!--"/);
  });
});

describe('link patterns', () => {
  it('cover every release folder when the CDN folder is the version’s, and that folder otherwise', async () => {
    const versioned = await buildFixtureIntegration();
    const unversioned = await buildFixtureIntegration({ cdn: 'https://cdn.example.test/latest/' });
    const patterns = (path: string) => (YAML.parse(readFileSync(path, 'utf8')) as { blocks: { urlUnfurl: string[] }[] }).blocks[0]!.urlUnfurl;
    expect(patterns(versioned.build.manifest)).toEqual(['https://cdn.example.test/snippets/**']);
    expect(patterns(unversioned.build.manifest)).toEqual(['https://cdn.example.test/latest/**']);
    versioned.cleanup();
    unversioned.cleanup();
  });
});

describe('npm run build:gitbook', () => {
  const tsx = join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/cli.mjs');
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['build:gitbook']!.replace(/^tsx /, '');
  const run = (args: string[], env: Record<string, string> = {}) => {
    const { SNIPPETS_CDN_PREFIX: _cdn, GITBOOK_ORGANIZATION: _org, ...rest } = process.env;
    return spawnSync(process.execPath, [tsx, script, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...rest, ...env } });
  };

  it('builds the publishable folder and says how to publish it', { timeout: 30_000 }, () => {
    const out = join(dir, 'cli-out');
    const result = run(['--release-manifest', release, '--out', out], { SNIPPETS_CDN_PREFIX: 'https://cdn.example.test/snippets/2.0.0/', GITBOOK_ORGANIZATION: 'env-org' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^GitBook integration built in .*cli-out\/ \(\d+ snippets\): gitbook-manifest\.yaml, script\.js, frame\.html\.\nPublish it: cd .*cli-out && npx @gitbook\/cli@0\.25\.1 publish \.\n$/);
    expect((YAML.parse(readFileSync(join(out, 'gitbook-manifest.yaml'), 'utf8')) as { organization: string }).organization).toBe('env-org');
    expect(readFileSync(join(out, 'frame.html'), 'utf8')).toContain('src="https://cdn.example.test/snippets/2.0.0/bundle.js"');
  });

  it('asks for the CDN folder when it has none', { timeout: 30_000 }, () => {
    const result = run([]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^Name the CDN folder of the widget release the frame page loads: --cdn, or SNIPPETS_CDN_PREFIX\.\nUsage: npm run build:gitbook/);
  });
});
