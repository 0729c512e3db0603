import { describe, expect, it } from 'vitest';
import { attributeName, readDataset, resolveValues } from '../../src/core/resolve-values';
import { SnippetError } from '../../src/core/snippet-error';
import type { SnippetConfig } from '../../src/core/types';

const config: SnippetConfig = {
  title: 'Test',
  payload: { model: 'gpt-4o', baseUrl: 'https://api.aimlapi.com/v1', maxTokens: 512, stream: false },
};

describe('readDataset', () => {
  it('names variables the way the browser converts data-* attributes, and skips reserved keys', () => {
    const element = document.createElement('snippet');
    element.setAttribute('data-name', 'open-ai.chat-completion');
    element.setAttribute('data-state', 'ready');
    element.setAttribute('data-theme', 'dark');
    element.setAttribute('data-base-url', 'https://example.com/v2');
    element.setAttribute('data-max-tokens', '64');
    expect(readDataset(element.dataset)).toEqual({ baseUrl: 'https://example.com/v2', maxTokens: '64' });
  });

  it('maps a camelCase variable back to its attribute for messages', () => {
    expect(attributeName('baseUrl')).toBe('data-base-url');
    expect(attributeName('model')).toBe('data-model');
  });
});

describe('resolveValues', () => {
  it('layers config defaults < page values < element values', () => {
    const values = resolveValues('t.t', config, { model: 'from-page', baseUrl: 'https://page.example/v1' }, { model: 'from-element' });
    expect(values).toEqual({ model: 'from-element', baseUrl: 'https://page.example/v1', maxTokens: 512, stream: false });
  });

  it('gives text the type of its default', () => {
    expect(resolveValues('t.t', config, { maxTokens: ' 64 ', stream: 'TRUE' })).toMatchObject({ maxTokens: 64, stream: true });
  });

  it('never lets a layer set a reserved key', () => {
    expect(resolveValues('t.t', config, { name: 'x', state: 'y' })).not.toHaveProperty('name');
  });

  it('rejects a non-number for a numeric variable, naming the attribute and the fix', () => {
    const run = () => resolveValues('t.t', config, { maxTokens: 'lots' });
    expect(run).toThrow(SnippetError);
    expect(run).toThrow('data-max-tokens="lots" is not a number. Write a number, e.g. data-max-tokens="512".');
  });

  it('rejects a non-boolean for a boolean variable', () => {
    expect(() => resolveValues('t.t', config, { stream: 'yes' })).toThrow(
      'data-stream="yes" is not true or false. Write data-stream="true" or "false".',
    );
  });
});
