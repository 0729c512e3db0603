import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateJsonSchema, type JsonSchema } from './validate-json-schema';

const schema = JSON.parse(readFileSync('shared/snippets/config.schema.json', 'utf8')) as JsonSchema;
const valid = {
  $schema: '../../config.schema.json',
  title: 'T',
  method: 'POST',
  path: '/v2/generate/video/runway/generation',
  alsoCalls: [{ method: 'GET', path: '/v2/generate/video/runway/generation' }],
  payload: { apiKey: 'k', maxTokens: 5, stream: false },
};

describe('validateJsonSchema with config.schema.json', () => {
  it('accepts a valid config', () => {
    expect(validateJsonSchema(schema, valid)).toEqual([]);
  });

  it('names each violation by its JSON pointer', () => {
    const config = {
      $schema: 'x', docs: 'ftp://x', path: '/v1/files/', alsoCalls: [{ method: 'get', path: 'v1' }, { path: '/v1//x' }],
      languages: ['py', 'py'], secrets: [1], extra: true,
      payload: { Model: 'm', name: 'n', empty: '', list: [1] },
    };
    expect(validateJsonSchema(schema, config)).toEqual([
      '(root) must have "title"',
      '(root) must have "method"',
      '/$schema must be "../../config.schema.json", not "x"',
      '/docs must match ^https://, got "ftp://x"',
      '/path must match ^(/[A-Za-z0-9._~-]+)+$, got "/v1/files/"',
      '/alsoCalls/0/method must be one of "GET", "POST", "PUT", "PATCH", "DELETE", not "get"',
      '/alsoCalls/0/path must match ^(/[A-Za-z0-9._~-]+)+$, got "v1"',
      '/alsoCalls/1 must have "method"',
      '/alsoCalls/1/path must match ^(/[A-Za-z0-9._~-]+)+$, got "/v1//x"',
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
