import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateJsonSchema, type JsonSchema } from './validate-json-schema';

const schema = JSON.parse(readFileSync('shared/snippets/config.schema.json', 'utf8')) as JsonSchema;
const valid = { $schema: '../../config.schema.json', title: 'T', payload: { apiKey: 'k', maxTokens: 5, stream: false } };

describe('validateJsonSchema with config.schema.json', () => {
  it('accepts a valid config', () => {
    expect(validateJsonSchema(schema, valid)).toEqual([]);
  });

  it('names each violation by its JSON pointer', () => {
    const config = {
      $schema: 'x', docs: 'ftp://x', languages: ['py', 'py'], secrets: [1], extra: true,
      payload: { Model: 'm', name: 'n', empty: '', list: [1] },
    };
    expect(validateJsonSchema(schema, config)).toEqual([
      '(root) must have "title"',
      '/$schema must be "../../config.schema.json", not "x"',
      '/docs must match ^https://, got "ftp://x"',
      '/languages must not repeat items, got ["py","py"]',
      '/secrets/0 must be of type string, not integer',
      '/extra is not allowed here',
      '/payload/Model must match ^[a-z][a-zA-Z0-9]*$, got "Model" (a key)',
      '/payload/name must not be "name" (a key)',
      '/payload/empty must not be shorter than 1 character(s), got ""',
      '/payload/list must be of type string or number or boolean, not array',
    ]);
  });

  it('refuses a schema keyword it does not implement, rather than ignore it', () => {
    expect(validateJsonSchema({ type: 'number', maximum: 3 }, 5)).toEqual(['(root): the schema uses "maximum", which this validator does not support']);
  });
});
