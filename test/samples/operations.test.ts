import { describe, expect, it } from 'vitest';
import { ERROR_ANSWER } from './error-answer';
import { isFileBody } from './operation-fixture';
import { OPERATIONS } from './operations';
import { loadSamples } from './render-sample';
import { declaredOperations } from '../library/check-operation';

const samples = loadSamples('shared/snippets');
const name = (op: { method: string; path: string }) => `${op.method} ${op.path}`;

describe('the operation fixtures', () => {
  it.each(OPERATIONS.map((op) => [name(op), op]))('%s names its sources, and says which are unverified', (_name, op) => {
    for (const source of [op.request.source, ...op.answers.map((a) => a.source), ...(op.pending ? [op.pending.source] : []), ERROR_ANSWER.source]) {
      expect(source.page).toMatch(/^docs\/.+\.(md|yaml)$|^API reference \(seed 004\)$/);
      // A shape the docs do not show has no line to point at; every other one has.
      expect(source.evidence === 'none', `${source.page}: ${source.note}`).toBe(source.seedLine === null);
      expect(source.note.length).toBeGreaterThan(10);
    }
  });

  it.each(OPERATIONS.map((op) => [name(op), op]))('%s has a path as config.json writes it, required fields, and shows only text its answers hold', (_name, op) => {
    expect(op.path).toMatch(/^(\/[A-Za-z0-9._~-]+)+$/);
    expect(Object.values(op.request.fields).some((spec) => spec.required)).toBe(true);
    for (const answer of [...op.answers, ...(op.pending ? [op.pending] : [])]) {
      const body = isFileBody(answer.body) ? '' : JSON.stringify(typeof answer.body === 'function' ? answer.body({ origin: 'http://127.0.0.1:1', files: 'http://127.0.0.1:1/files/run' }) : answer.body);
      for (const text of answer.shows) expect(body).toContain(JSON.stringify(text).slice(1, -1));
    }
  });

  it('has one fixture per operation, and each is one the library calls', () => {
    const names = OPERATIONS.map(name);
    expect(new Set(names).size).toBe(names.length);
    const called = new Set(samples.flatMap((s) => declaredOperations(s.config).map(name)));
    expect(names.filter((n) => !called.has(n))).toEqual([]);
    expect([...called].filter((n) => !names.includes(n))).toEqual([]);
  });
});
