import { basename } from 'node:path';
import type { SnippetValues } from '../../src/core/types';
import { ERROR_MESSAGE } from './error-answer';
import { declaredKind, isKind } from './file-kinds';
import type { Answer, FieldSpec, OperationFixture } from './operation-fixture';
import { requestScalars, requestTexts, type RecordedRequest } from './recorded-request';
import type { Operation } from './render-sample';
import type { ProgramRun } from './run-program';
import { isInputFile, isOutputFile, RUN_VARIABLES } from './value-sets';

/** Everything known about one run of one tab. */
export interface RunRecord {
  /** The snippet's operations, from config.json: the main one first. */
  declared: Operation[];
  /** Their fixtures, in the same order. */
  fixtures: readonly OperationFixture[];
  mode: 'ok' | 'error';
  key: string;
  values: SnippetValues;
  /** Seconds the program was told to pause between polls. */
  pollSeconds: number;
  pollsBeforeDone: number;
  lang: string;
  run: ProgramRun;
  requests: RecordedRequest[];
  answers: (Answer | null)[];
}

// curl draws a progress meter on stderr when its output is not a terminal: not what a reader would see.
const CURL_METER = /^\s*(?:% Total|Dload|\d+\s+[\d.]+[kMG]?\s+\d+\s+[\d.]+[kMG]?\s+\d+)/;
const withoutMeter = (text: string): string => text.split(/\r|\n/).filter((line) => line.trim() && !CURL_METER.test(line)).join('\n');

/** The start of some output, on one line. */
const clip = (text: string, length = 400): string => {
  const flat = withoutMeter(text).replace(/\s*\n\s*/g, ' ⏎ ');
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
};

/** The end of an error output, where a traceback or an error message says what went wrong. */
const tail = (text: string, length = 400): string => {
  const flat = withoutMeter(text).replace(/\s*\n\s*/g, ' ⏎ ');
  return flat.length > length ? `…${flat.slice(-length)}` : flat;
};
const opName = (op: Operation) => `${op.method} ${op.path}`;

/** What is wrong with one run: each reason a sentence, naming the request or value at fault. */
export function judgeRun(record: RunRecord): string[] {
  return record.mode === 'error' ? judgeErrorRun(record) : judgeOkRun(record);
}

function judgeOkRun(record: RunRecord): string[] {
  const { run, requests, declared } = record;
  const problems: string[] = [];
  if (run.timedOut) problems.push(`does not finish within its time (${run.ms} ms); output: ${clip(run.stdout + run.stderr)}`);
  else if (run.exitCode !== 0) problems.push(`exits with ${run.exitCode}: ${tail(withoutMeter(run.stderr) || run.stdout)}`);

  const api = requests.filter((r) => r.operation !== 'download');
  if (api.length === 0) return [...problems, 'sends no request to the API'];
  for (const request of api) {
    if (request.operation === null) problems.push(`sends ${request.method} ${request.path}, which is no operation the docs describe (a fixture in test/samples/operations/)`);
  }
  const names = declared.map(opName);
  const first = api[0]!;
  if (first.operation !== null && first.operation !== names[0]) problems.push(`sends ${first.operation} first, not ${names[0]} (config.json "method" + "path")`);
  for (const name of new Set(api.map((r) => r.operation).filter((o): o is string => o !== null))) {
    if (!names.includes(name)) problems.push(`sends ${name}, which config.json does not declare: add it to "alsoCalls"`);
  }
  for (const name of names) {
    if (!api.some((r) => r.operation === name)) problems.push(`never sends ${name}, which config.json declares`);
  }

  api.forEach((request, i) => {
    const fixture = record.fixtures.find((f) => `${f.method} ${f.path}` === request.operation);
    if (fixture) problems.push(...judgeRequest(request, `request ${i + 1} (${request.operation})`, fixture, record.key));
  });
  problems.push(...lostValues(record.values, api));

  if (run.exitCode === 0) {
    const last = record.answers[requests.indexOf(api[api.length - 1]!)];
    for (const text of last?.shows ?? []) {
      if (!run.stdout.includes(text)) problems.push(`does not print ${JSON.stringify(text)} from the API's answer; it printed: ${clip(run.stdout, 300) || '(nothing)'}`);
    }
    if (!run.stdout.trim()) problems.push('prints nothing: a reader cannot see the result');
    for (const file of run.files) problems.push(...judgeFile(file, run.stdout));
  }
  if (record.lang === 'js' && /\bWarning\b/.test(run.stderr)) problems.push(`makes Node print a warning: ${clip(run.stderr, 300)}`);
  problems.push(...judgePolls(record));
  return problems;
}

function judgeErrorRun(record: RunRecord): string[] {
  const { run } = record;
  const problems: string[] = [];
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.exitCode === 0) problems.push('exits 0 after the API answered HTTP 400: it must fail');
  if (run.timedOut) problems.push(`does not finish within its time (${run.ms} ms) after an error answer`);
  if (!output.includes(ERROR_MESSAGE)) problems.push(`does not show the API's error message (${JSON.stringify(ERROR_MESSAGE)}); it printed: ${clip(output, 300) || '(nothing)'}`);
  for (const file of run.files) problems.push(`leaves ${JSON.stringify(file.name)} (${file.bytes.length} bytes) behind after an error answer`);
  const api = record.requests.filter((r) => r.operation !== 'download');
  if (api.length > 1) problems.push(`sends ${api.length - 1} more request(s) after the API answered HTTP 400: ${api.slice(1).map((r) => `${r.method} ${r.path}`).join(', ')}`);
  return problems;
}

/** A request against the fixture: the API key, the kind of body, and the documented fields and their types. */
function judgeRequest(request: RecordedRequest, name: string, fixture: OperationFixture, key: string): string[] {
  const problems: string[] = [];
  if (request.authorization !== `Bearer ${key}`) {
    problems.push(`${name} does not send the API key it was given as "Authorization: Bearer <key>" (${request.authorization === null ? 'no Authorization header' : 'another value'})`);
  }
  const { kind, fields, source } = fixture.request;
  let sent: Record<string, unknown>;
  if (kind === 'query') {
    if (request.body.kind !== 'empty') problems.push(`${name} has a body; the docs send everything in the query string`);
    sent = Object.fromEntries(request.query);
  } else if (kind === 'json') {
    const { body } = request;
    if (body.kind !== 'json' || typeof body.value !== 'object' || body.value === null || Array.isArray(body.value)) {
      return [...problems, `${name} does not send a JSON object (${body.kind === 'invalid' ? body.reason : `a ${body.kind} body`})`];
    }
    sent = body.value as Record<string, unknown>;
    if (request.query.length) problems.push(`${name} sends a query string (${request.query.map(([k]) => k).join(', ')}); the docs send a JSON body only`);
  } else {
    const { body } = request;
    if (body.kind !== 'multipart') return [...problems, `${name} does not send a multipart form (${body.kind === 'invalid' ? body.reason : `a ${body.kind} body`})`];
    sent = { ...body.fields, ...Object.fromEntries(body.files.map((f) => [f.field, f])) };
  }
  for (const [field, spec] of Object.entries(fields)) {
    if (spec.required && !(field in sent)) problems.push(`${name} lacks "${field}", which the docs require (${source.page})`);
  }
  for (const [field, value] of Object.entries(sent)) {
    const spec = fields[field];
    if (!spec) problems.push(`${name} sends "${field}", which the docs do not document for ${fixture.method} ${fixture.path}; if they do, add it to the fixture with its source`);
    else if (!hasType(value, spec, kind)) problems.push(`${name} sends "${field}" as ${JSON.stringify(value)}, where the docs document ${article(spec.type)} (${source.page})`);
  }
  return problems;
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

function hasType(value: unknown, spec: FieldSpec, kind: OperationFixture['request']['kind']): boolean {
  if (kind === 'multipart') return spec.type === 'file' ? typeof value === 'object' : typeof value === 'string';
  if (kind === 'query') return typeof value === 'string';
  switch (spec.type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'file':
      return false;
  }
}

/** The values the program was given that never reached the API intact. */
function lostValues(values: SnippetValues, api: RecordedRequest[]): string[] {
  const texts = api.flatMap(requestTexts);
  const scalars = api.flatMap(requestScalars);
  const problems: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    if ((RUN_VARIABLES as readonly string[]).includes(key) || isOutputFile(key)) continue;
    const expected = typeof value === 'string' && isInputFile(key) ? basename(value) : value;
    const arrived = typeof expected === 'string' ? texts.includes(expected) || texts.some((t) => t.replace(/\r\n/g, '\n') === expected.replace(/\r\n/g, '\n')) : scalars.includes(expected);
    if (!arrived) problems.push(`the value of "${key}" (${clip(JSON.stringify(expected), 80)}) never reaches the API intact: it is in no request's fields`);
  }
  return problems;
}

/** A saved file: not empty, of the kind its extension says, and named in the output. */
function judgeFile(file: { name: string; bytes: Buffer }, stdout: string): string[] {
  if (file.name.endsWith('/')) return [`makes a folder ${JSON.stringify(file.name)}`];
  const kind = declaredKind(file.name);
  if (file.bytes.length === 0) return [`saves an empty file ${JSON.stringify(file.name)}`];
  const problems: string[] = [];
  if (!kind) problems.push(`saves ${JSON.stringify(file.name)}, a kind of file the check does not know: add its extension to test/samples/file-kinds.ts`);
  else if (!isKind(kind, file.bytes)) problems.push(`saves ${JSON.stringify(file.name)}, which is not a ${kind} file (it starts with ${JSON.stringify(file.bytes.subarray(0, 16).toString('latin1'))})`);
  if (!stdout.includes(file.name)) problems.push(`saves ${JSON.stringify(file.name)} without saying where: print the file's name`);
  return problems;
}

/** Polling: stops once the mock completes (after its "not ready" answers), pausing pollSeconds between polls. */
function judgePolls(record: RunRecord): string[] {
  const problems: string[] = [];
  for (const fixture of record.fixtures.filter((f) => f.pending)) {
    const polls = record.requests.filter((r) => r.operation === `${fixture.method} ${fixture.path}`);
    if (polls.length === 0) continue;
    const expected = record.pollsBeforeDone + 1;
    if (record.run.exitCode === 0 && polls.length !== expected) {
      problems.push(`polls ${fixture.method} ${fixture.path} ${polls.length} time(s); the mock completed on poll ${expected}`);
    }
    for (let i = 1; i < polls.length; i++) {
      const gap = polls[i]!.at - polls[i - 1]!.at;
      if (gap < record.pollSeconds * 1000 * 0.8) {
        problems.push(`asks again ${gap} ms after poll ${i}, with pollSeconds = ${record.pollSeconds}: it must pause between polls`);
        break;
      }
    }
  }
  return problems;
}
