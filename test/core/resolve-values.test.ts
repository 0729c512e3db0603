import { describe, expect, it } from 'vitest';
import { attributeName, readDataset, resolveValues, type ValueSource } from '../../src/core/resolve-values.ts';
import { SnippetError } from '../../src/core/snippet-error.ts';
import type { SnippetConfig, SnippetValue } from '../../src/core/types.ts';

const attributes = (values: Record<string, SnippetValue>) => ({ source: 'attribute' as ValueSource, values });

const config: SnippetConfig = {
  title: 'Test',
  payload: { model: 'gpt-4o', baseUrl: 'https://api.aimlapi.com/v1', maxTokens: 512, stream: false },
};

describe('readDataset', () => {
  it('takes every data-* variable but the reserved keys', () => {
    // What the browser's dataset gives for data-name, data-state, data-theme, data-base-url, data-max-tokens.
    const dataset = { name: 'open-ai.chat-completion', state: 'ready', theme: 'dark', baseUrl: 'https://example.com/v2', maxTokens: '64' };
    expect(readDataset(dataset)).toEqual({ baseUrl: 'https://example.com/v2', maxTokens: '64' });
  });

  it('maps a camelCase variable back to its attribute for messages', () => {
    expect(attributeName('baseUrl')).toBe('data-base-url');
    expect(attributeName('model')).toBe('data-model');
  });
});

describe('resolveValues', () => {
  it('layers config defaults < page values < element values', () => {
    const values = resolveValues(
      't.t',
      config,
      { source: 'setPayload', values: { model: 'from-page', baseUrl: 'https://page.example/v1' } },
      attributes({ model: 'from-element' }),
    );
    expect(values).toEqual({ model: 'from-element', baseUrl: 'https://page.example/v1', maxTokens: 512, stream: false });
  });

  it('gives text the type of its default', () => {
    expect(resolveValues('t.t', config, attributes({ maxTokens: ' 64 ', stream: 'TRUE' }))).toMatchObject({ maxTokens: 64, stream: true });
  });

  it('never lets a layer set a reserved key', () => {
    expect(resolveValues('t.t', config, attributes({ name: 'x', state: 'y' }))).not.toHaveProperty('name');
  });

  it('rejects a non-number for a numeric variable, naming the attribute and the fix', () => {
    const run = () => resolveValues('t.t', config, attributes({ maxTokens: 'lots' }));
    expect(run).toThrow(SnippetError);
    expect(run).toThrow('data-max-tokens="lots" is not a number. Write a number, e.g. data-max-tokens="512".');
  });

  it('rejects a non-boolean for a boolean variable', () => {
    expect(() => resolveValues('t.t', config, attributes({ stream: 'yes' }))).toThrow(
      'data-stream="yes" is not true or false. Write data-stream="true" or "false".',
    );
  });

  it('names the value the way the page wrote it: setPayload, or a component’s values', () => {
    expect(() => resolveValues('t.t', config, { source: 'setPayload', values: { maxTokens: 'lots' } })).toThrow(
      'setPayload({ maxTokens: "lots" }) is not a number. Write a number, e.g. setPayload({ maxTokens: 512 }).',
    );
    expect(() => resolveValues('t.t', config, { source: 'values', values: { stream: 'yes' } })).toThrow(
      'values.stream = "yes" is not true or false. Write values.stream = true or false.',
    );
  });

  it('refuses a value too long for a sample, with a message that quotes only its start', () => {
    const huge = 'He said "hi" and $HOME '.repeat(50_000);
    const fail = (source: ValueSource) => {
      try {
        resolveValues('t.t', config, { source, values: { model: huge } });
      } catch (error) {
        return error as SnippetError;
      }
      throw new Error('accepted');
    };
    const error = fail('attribute');
    expect(error.code).toBe('bad-value');
    expect(error.message).toBe(
      `data-model="He said \\"hi\\" and $HOME He said \\"hi\\" and $HOME He said \\"hi\\" a…" (1,150,000 characters) is too long: a value may hold at most 20,000 characters. Shorten it; a sample needs a representative value.`,
    );
    expect(fail('setPayload').message).toMatch(/^setPayload\(\{ model: "He said/);
    // At the limit it is still a value like any other.
    expect(resolveValues('t.t', config, attributes({ model: 'x'.repeat(20_000) })).model).toHaveLength(20_000);
  });
});
