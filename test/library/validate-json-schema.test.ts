import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateJsonSchema, type JsonSchema } from './validate-json-schema';

const schema = JSON.parse(readFileSync('shared/snippets/config.schema.json', 'utf8')) as JsonSchema;
const valid = {
  $schema: '../../config.schema.json',
  title: 'T',
  description: 'Creates a video, then polls it until it is ready.',
  method: 'POST',
  path: '/v2/generate/video/runway/generation',
  alsoCalls: [{ method: 'GET', path: '/v2/generate/video/runway/generation' }],
  payload: { apiKey: 'k', maxTokens: 5, stream: false },
  variables: { apiKey: 'Your AI/ML API key', maxTokens: 'Most tokens the reply may hold', stream: 'Whether to stream, e.g. gen3a_turbo' },
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
      '(root) must have "description"',
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

  it('holds a description and variable phrases to plain text of a bounded length', () => {
    const properties = schema.properties as Record<string, { pattern: string; additionalProperties: { pattern: string } }>;
    const sentence = properties.description!.pattern;
    const phrase = properties.variables!.additionalProperties.pattern;
    const config = {
      ...valid,
      description: 'Prints the **answer**',
      variables: { apiKey: 'Your key | secret', Model: 'x', maxTokens: 'A'.repeat(101), stream: '' },
    };
    expect(validateJsonSchema(schema, config)).toEqual([
      `/description must match ${sentence}, got "Prints the **answer**"`,
      `/variables/apiKey must match ${phrase}, got "Your key | secret"`,
      '/variables/Model must match ^[a-z][a-zA-Z0-9]*$, got "Model" (a key)',
      '/variables/maxTokens must not be longer than 100 character(s), got 101',
      '/variables/stream must not be shorter than 1 character(s), got ""',
      `/variables/stream must match ${phrase}, got ""`,
    ]);
    expect(validateJsonSchema(schema, { ...valid, description: 'Too short.' })).toEqual(['/description must not be shorter than 20 character(s), got "Too short."']);
    expect(validateJsonSchema(schema, { ...valid, description: `${'A'.repeat(300)}.` })).toEqual(['/description must not be longer than 300 character(s), got 301']);
  });

  it.each([
    ['a sentence', 'Generates one image with DALL·E 2 (512x512 by default) and prints its URL.', true],
    ['two sentences', 'Starts a video. Then prints its id, e.g. 16:9 or $1.10.', true],
    ['no period at the end', 'Generates an image and prints its URL', false],
    ['a lowercase start', 'generates an image and prints its URL.', false],
    ['a line break', 'Generates an image\nand prints its URL.', false],
    ['two spaces', 'Generates an image  and prints its URL.', false],
    ['an underscore', 'Generates an image with gen3a_turbo.', false],
    ['a link', 'Generates an image, see [the docs](https://docs.aimlapi.com).', false],
    ['a code span', 'Generates an image with `flux/schnell`.', false],
  ])('a description with %s', (_case, description, ok) => {
    expect(validateJsonSchema(schema, { ...valid, description }).length === 0).toBe(ok);
  });

  it('refuses a schema keyword it does not implement, rather than ignore it', () => {
    expect(validateJsonSchema({ type: 'number', maximum: 3 }, 5)).toEqual(['(root): the schema uses "maximum", which this validator does not support']);
  });
});
