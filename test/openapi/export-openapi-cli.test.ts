// @vitest-environment node
// `npm run export:openapi` as a docs engineer runs it: the script behind the npm script.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(import.meta.dirname, 'fixtures');
const TSX = join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/cli.mjs');
const out = mkdtempSync(join(tmpdir(), 'export-openapi-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const script = pkg.scripts['export:openapi']!.replace(/^tsx /, '');

/** Runs the script; async, so that the runs of this file overlap (each is mostly Node starting). */
function run(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = execFile(process.execPath, [TSX, script, ...args], { cwd: ROOT, encoding: 'utf8' }, (_error, stdout, stderr) =>
      done({ status: child.exitCode, stdout, stderr }),
    );
  });
}

describe.concurrent('npm run export:openapi', () => {
  it('writes the spec with -o and reports to stderr', { timeout: 30_000 }, async () => {
    const target = join(out, 'minimax.yaml');
    const result = await run(join(FIXTURES, 'minimax-docs.yaml'), '-o', target, '--library', join(FIXTURES, 'library'));
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      'x-codeSamples added: POST /v2/generate/audio ← audio.generate-minimax (Python, JavaScript, cURL)',
      'x-codeSamples added: GET /v2/generate/audio ← audio.fetch-generation (Python, JavaScript, cURL)',
      'snippet open-ai.chat-completion: POST /v1/chat/completions is not an operation of this spec',
      'snippet audio.generate-stable: POST /v2/generate/audio here accepts model minimax-music, not "stable-audio"; left out',
      'skipped (no "method" + "path" in config.json): misc.no-operation',
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    const spec = YAML.parse(readFileSync(target, 'utf8')) as { paths: Record<string, Record<string, { 'x-codeSamples'?: { label: string }[] }>> };
    expect(spec.paths['/v2/generate/audio']!.post!['x-codeSamples']!.map((s) => s.label)).toEqual(['Python', 'JavaScript', 'cURL']);
  });

  it('writes to stdout without -o', { timeout: 30_000 }, async () => {
    const result = await run(join(FIXTURES, 'stable-audio-docs.yaml'), '--library', join(FIXTURES, 'library'));
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith('openapi: 3.0.0\n')).toBe(true);
    expect(result.stdout).toContain('        x-codeSamples:\n          - lang: Python\n');
  });

  it('fails with the usage, or a message naming the file, on bad arguments', { timeout: 30_000 }, async () => {
    const [none, unknown, missing] = await Promise.all([run(), run('--libary', 'x', 'spec.yaml'), run(join(out, 'nope.yaml'))]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('Name the spec to export into.\nUsage: npm run export:openapi -- <spec.yaml|spec.json> [-o <out>] [--library <dir>]');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--libary'/);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`export:openapi: Cannot read the spec ${join(out, 'nope.yaml')}: ENOENT.`);
  });
});
