import { join } from 'node:path';
import type { SnippetValue, SnippetValues } from '../../src/core/types';
import { declaredOperations } from '../library/check-operation';
import { displayPath, type Problem } from '../library/problem';
import { compareTabs, type TabOutcome } from './compare-tabs';
import { declaredKind, sampleFile } from './file-kinds';
import { judgeRun } from './judge-run';
import { startMockApi, type MockApi } from './mock-api';
import type { OperationFixture } from './operation-fixture';
import { OPERATIONS } from './operations';
import { loadSamples, type Operation, type Sample } from './render-sample';
import { runProgram } from './run-program';
import { createRunners, testedMajors, type Runner, type Runners } from './runners';
import { isInputFile, VALUE_SETS, type ValueSet } from './value-sets';

export interface CheckSamplesOptions {
  /** The operations the mock answers; the library's fixtures unless given. */
  operations?: readonly OperationFixture[];
  /** The value sets to run; all unless given. */
  valueSets?: readonly ValueSet['name'][];
  /** Programs run at once: 3 keeps a 2-core machine busy without starving the mock. */
  concurrency?: number;
  /** The pause between polls every polling sample is given, in seconds. */
  pollSeconds?: number;
  timeoutMs?: number;
}

/** One program run: which tab, how, and what was wrong. */
export interface RunResult {
  snippet: string;
  lang: string;
  /** `py`, `js (openai 6)`, `sh` … */
  runner: string;
  standIn: string | null;
  set: ValueSet['name'];
  mode: 'ok' | 'error';
  alternative: string | null;
  problems: string[];
  ms: number;
}

export interface SamplesCheck {
  problems: Problem[];
  runs: RunResult[];
  ms: number;
}

/** A value set and an answer mode: every tab of a snippet runs once per case, and the tabs are compared within it. */
interface Case {
  set: ValueSet;
  mode: 'ok' | 'error';
  alternative: string | null;
}

const POLLS_BEFORE_DONE = 2;

function caseWords({ set, mode, alternative }: Case): string {
  if (mode === 'error') return 'against an error answer (HTTP 400)';
  if (alternative) return `against the answer "${alternative}"`;
  return { defaults: 'with its defaults', 'hostile text': 'with hostile text in every text variable', 'ids with /': 'with ids that hold "/"', 'trailing-slash base URL': 'with a base URL ending in "/"' }[set.name];
}

/**
 * `npm run check:samples`: renders every snippet × language of a library with its defaults and
 * with other value sets, runs each program against a local mock of the API, and reports what a
 * reader would hit: a failing run, a request the docs do not describe, tabs that disagree, an
 * error answer that goes unnoticed, polling without a pause.
 */
export async function checkSamples(root: string, options: CheckSamplesOptions = {}): Promise<SamplesCheck> {
  const started = Date.now();
  const operations = options.operations ?? OPERATIONS;
  const sets = VALUE_SETS.filter((set) => !options.valueSets || options.valueSets.includes(set.name));
  const mock = await startMockApi(operations);
  const runners = createRunners();
  const problems: Problem[] = [];
  const runs: RunResult[] = [];
  try {
    const jobs = loadSamples(root).flatMap((sample) => plan(sample, operations, sets, runners, problems));
    const outcomes = await mapLimit(jobs, options.concurrency ?? 3, (job) => execute(job, mock, options));
    for (const { job, result, tab, exitCode } of outcomes) {
      runs.push(result);
      const file = displayPath(join(job.sample.dir, `${job.lang}.hbs`));
      for (const reason of result.problems) problems.push({ file, reason: `${result.runner}, ${caseWords(job.case)}: ${reason}` });
      // A run that failed is reported already; comparing its requests would only repeat that.
      if (exitCode === 0) job.case.tabs.push(tab);
    }
    for (const group of new Set(jobs.map((job) => job.case))) {
      if (group.mode === 'error') continue;
      for (const reason of compareTabs(group.tabs)) problems.push({ file: displayPath(group.dir), reason: `${caseWords(group)}: ${reason}` });
    }
    for (const request of mock.stray) problems.push({ file: displayPath(root), reason: `a request no run sent with its API key: ${request.method} ${request.path}` });
  } finally {
    runners.dispose();
    await mock.close();
  }
  return { problems, runs, ms: Date.now() - started };
}

interface CaseGroup extends Case {
  /** The snippet's folder. */
  dir: string;
  /** The set's values for this snippet. */
  overrides: Record<string, SnippetValue>;
  /** What each tab that ran to the end did, in tab order. */
  tabs: TabOutcome[];
}

interface Job {
  sample: Sample;
  lang: string;
  runner: Runner;
  case: CaseGroup;
  defaults: SnippetValues;
  /** config.json's operations, the main one first, and their fixtures. */
  declared: Operation[];
  fixtures: OperationFixture[];
}

/** The runs of one snippet: every case × tab × runner; what cannot run is reported instead. */
function plan(sample: Sample, operations: readonly OperationFixture[], sets: readonly ValueSet[], runners: Runners, problems: Problem[]): Job[] {
  const configFile = displayPath(join(sample.dir, 'config.json'));
  const declared = declaredOperations(sample.config);
  if (declared.length === 0) {
    problems.push({ file: configFile, reason: 'declares no operation ("method" + "path"), so check:samples cannot tell what its programs should send' });
    return [];
  }
  const fixtures: OperationFixture[] = [];
  for (const op of declared) {
    const fixture = operations.find((f) => f.method === op.method && f.path === op.path);
    if (fixture) fixtures.push(fixture);
    else problems.push({ file: configFile, reason: `declares ${op.method} ${op.path}, which the mock API has no fixture for: add one in test/samples/operations/ (docs/authoring.md says how)` });
  }
  if (fixtures.length < declared.length) return [];
  const defaults = sample.values({});
  for (const [key, value] of Object.entries(defaults)) {
    if (isInputFile(key) && !declaredKind(String(value))) {
      problems.push({ file: configFile, reason: `payload.${key} names a file the program reads, ${JSON.stringify(value)}, of a kind check:samples cannot make: use a known extension (test/samples/file-kinds.ts)` });
      return [];
    }
  }
  const programs = sample.render(defaults);
  const alternatives = [...new Set(fixtures.flatMap((f) => f.answers.map((a) => a.alternative).filter((a): a is string => !!a)))];
  const cases: CaseGroup[] = [];
  for (const set of sets) {
    const overrides = set.overrides(defaults);
    if (overrides === null) continue;
    const modes: Case[] = [{ set, mode: 'ok', alternative: null }];
    if (set.name === 'defaults') modes.push({ set, mode: 'error', alternative: null }, ...alternatives.map((alternative) => ({ set, mode: 'ok' as const, alternative })));
    cases.push(...modes.map((c) => ({ ...c, dir: sample.dir, overrides, tabs: [] })));
  }

  const jobs: Job[] = [];
  for (const { lang, code } of programs) {
    const file = displayPath(join(sample.dir, `${lang}.hbs`));
    const found = runners.forTab(lang, code);
    if (!Array.isArray(found)) {
      problems.push({ file, reason: found.problem });
      continue;
    }
    for (const runner of found) {
      const npmPackage = /^js \((\S+) \d+\)$/.exec(runner.label)?.[1];
      if (npmPackage && runner === found[0]) problems.push(...installNote(file, code, npmPackage));
      for (const group of cases) jobs.push({ sample, lang, runner, case: group, defaults, declared, fixtures });
    }
  }
  return jobs;
}

/** A JavaScript tab that requires a package says what to install, with the majors it runs with. */
function installNote(file: string, code: string, name: string): Problem[] {
  const comments = [...code.matchAll(/^\s*\/\/(.*)$/gm)].map((m) => m[1]).join('\n');
  const majors = testedMajors(name);
  if (new RegExp(`npm install ${name}\\b`).test(comments) && majors.every((major) => new RegExp(`\\b${major}\\b`).test(comments))) return [];
  return [{ file, reason: `requires ${name} without saying what to install: write, in a comment, "npm install ${name}" and the versions it runs with (${majors.join(', ')})` }];
}

async function execute(job: Job, mock: MockApi, options: CheckSamplesOptions) {
  const { sample, runner, case: group } = job;
  const pollSeconds = options.pollSeconds ?? 0.2;
  const basePath = new URL(String(job.defaults.baseUrl)).pathname.replace(/\/+$/, '');
  // The mock picks answers by model: a run's own values count as the defaults they replace.
  const aliases = new Map(
    Object.entries(group.overrides)
      .filter(([key, value]) => typeof value === 'string' && typeof job.defaults[key] === 'string')
      .map(([key, value]) => [String(value), String(job.defaults[key])] as const),
  );
  const run = mock.openRun({ mode: group.mode, alternative: group.alternative ?? undefined, pollsBeforeDone: POLLS_BEFORE_DONE, aliases });
  const layer: Record<string, SnippetValue> = {
    ...group.overrides,
    baseUrl: `${mock.origin}${basePath}${group.set.trailingSlash ? '/' : ''}`,
    apiKey: run.key,
    ...('pollSeconds' in job.defaults ? { pollSeconds } : {}),
  };
  const values = sample.values(layer);
  const source = sample.render(values).find((p) => p.lang === job.lang)!.code;
  const inputs = Object.entries(values)
    .filter(([key]) => isInputFile(key))
    .map(([, name]) => ({ name: String(name), bytes: sampleFile(declaredKind(String(name))!).bytes }));
  const program = await runProgram(runner, source, inputs, options.timeoutMs ?? 30_000);
  run.close();
  const problems = judgeRun({
    declared: job.declared,
    fixtures: job.fixtures,
    mode: group.mode,
    key: run.key,
    values,
    pollSeconds,
    pollsBeforeDone: POLLS_BEFORE_DONE,
    lang: job.lang,
    run: program,
    requests: run.requests,
    answers: run.answers,
  });
  const result: RunResult = {
    snippet: sample.id,
    lang: job.lang,
    runner: runner.label,
    standIn: runner.standIn,
    set: group.set.name,
    mode: group.mode,
    alternative: group.alternative,
    problems,
    ms: program.ms,
  };
  const tab: TabOutcome = { label: runner.label, requests: run.requests, files: program.files.map((f) => f.name) };
  return { job, result, tab, exitCode: program.exitCode };
}

/** Maps with at most `limit` calls in flight, keeping the order of `items`. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
