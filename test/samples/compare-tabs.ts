import { normalizeRequest, stableJson, type RecordedRequest } from './recorded-request';

/** What one tab did, to compare with the others. */
export interface TabOutcome {
  label: string;
  requests: RecordedRequest[];
  files: string[];
}

const clip = (text: string, length = 200) => (text.length > length ? `${text.slice(0, length)}…` : text);
const show = (value: unknown) => (value === undefined ? '(nothing)' : clip(stableJson(value)));

/**
 * Checks that the tabs of one snippet, run with the same values, do the same thing: the same
 * requests in the same order (after normalising what does not matter to the API: key order,
 * query order, how a form writes line breaks) and the same files saved. Each tab is compared
 * with the first; a difference names both tabs, the request, and the first field where they part.
 */
export function compareTabs(outcomes: readonly TabOutcome[]): string[] {
  const [reference, ...others] = outcomes;
  if (!reference) return [];
  const expected = reference.requests.map(normalizeRequest);
  const problems: string[] = [];
  for (const other of others) {
    const actual = other.requests.map(normalizeRequest);
    const index = expected.findIndex((request, i) => actual[i] !== request);
    if (index !== -1 || actual.length !== expected.length) {
      const at = index === -1 ? expected.length : index;
      const where = difference(reference.label, reference.requests[at], other.label, other.requests[at]);
      problems.push(`${other.label} and ${reference.label} send different requests (${reference.label} ${expected.length}, ${other.label} ${actual.length}); request ${at + 1}: ${where}`);
    }
    const files = [...other.files].sort().join(', ');
    const referenceFiles = [...reference.files].sort().join(', ');
    if (files !== referenceFiles) problems.push(`${other.label} saves [${files}] where ${reference.label} saves [${referenceFiles}]`);
  }
  return problems;
}

/** Where two requests differ first: the request line, a query parameter, or a field of the body. */
function difference(aLabel: string, a: RecordedRequest | undefined, bLabel: string, b: RecordedRequest | undefined): string {
  if (!a || !b) return `${aLabel} sends ${a ? clip(normalizeRequest(a)) : '(nothing)'}, ${bLabel} sends ${b ? clip(normalizeRequest(b)) : '(nothing)'}`;
  if (a.method !== b.method || a.path !== b.path) return `${aLabel} sends ${a.method} ${a.path}, ${bLabel} sends ${b.method} ${b.path}`;
  const aQuery = Object.fromEntries(a.query);
  const bQuery = Object.fromEntries(b.query);
  for (const key of new Set([...Object.keys(aQuery), ...Object.keys(bQuery)])) {
    if (aQuery[key] !== bQuery[key]) return `query ${key}: ${aLabel} sends ${show(aQuery[key])}, ${bLabel} sends ${show(bQuery[key])}`;
  }
  if (a.body.kind === 'json' && b.body.kind === 'json') {
    const path = firstDifference(a.body.value, b.body.value, []);
    if (path) return `body ${path.join('.') || '(whole)'}: ${aLabel} sends ${show(at(a.body.value, path))}, ${bLabel} sends ${show(at(b.body.value, path))}`;
  }
  return `${aLabel} sends ${clip(normalizeRequest(a), 300)}, ${bLabel} sends ${clip(normalizeRequest(b), 300)}`;
}

function firstDifference(a: unknown, b: unknown, path: string[]): string[] | null {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (isObject(a) && isObject(b) && Array.isArray(a) === Array.isArray(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const found = firstDifference(a[key], b[key], [...path, key]);
      if (found) return found;
    }
    return null;
  }
  return stableJson(a) === stableJson(b) ? null : path;
}

function at(value: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), value);
}
