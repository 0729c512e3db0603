// @vitest-environment node
// The library's samples into OpenAPI specs: the two seed specs of the AI/ML API docs
// (extracted verbatim from ../shared/seeds/000_88fed333798e75a5.txt) and a fixture library
// whose configs name their operations (`method` + `path`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { addCodeSamples } from '../../tools/openapi/add-code-samples';
import type { CodeSampleEntry } from '../../tools/openapi/code-sample-entries';
import { compileSnippet, renderSamples } from '../../tools/snippet-library/library-renderer';
import { readLibrary, type LibrarySnippet } from '../../tools/snippet-library/read-library';
import { lintSpec } from './openapi-validator';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const library = readLibrary(join(FIXTURES, 'library'));
const seed = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const snippet = (id: string) => library.find((s) => s.id === id)!;

type Spec = { paths: Record<string, Record<string, { 'x-codeSamples'?: CodeSampleEntry[] }>> };
const samplesOf = (text: string, method: string, path: string) => (YAML.parse(text) as Spec).paths[path]?.[method]?.['x-codeSamples'];

/**
 * Takes the `x-codeSamples:` blocks out of a YAML text again: each runs from its key line
 * through the lines indented deeper than the key (blank lines inside its literal blocks too).
 */
function withoutCodeSampleBlocks(text: string): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const key = /^( *)x-codeSamples:$/.exec(lines[i]!);
    if (!key) {
      kept.push(lines[i]!);
      continue;
    }
    const depth = key[1]!.length;
    const inside = (line: string) => line.length - line.trimStart().length > depth;
    // Blank lines belong to the block when a line of the block follows them.
    const next = (from: number) => {
      let j = from;
      while (j < lines.length && lines[j] === '') j++;
      return j < lines.length && inside(lines[j]!) ? j : -1;
    };
    for (let j = next(i + 1); j !== -1; j = next(j + 1)) i = j;
  }
  return kept.join('\n');
}

/** What the widget would show for a snippet with its defaults, as x-codeSamples entries. */
const expectedEntries = (s: LibrarySnippet) =>
  renderSamples(compileSnippet(s)).map((sample) => ({ label: sample.label, source: sample.code }));

describe.each([
  { file: 'minimax-docs.yaml', generate: 'audio.generate-minimax', model: 'minimax-music', other: 'audio.generate-stable' },
  { file: 'stable-audio-docs.yaml', generate: 'audio.generate-stable', model: 'stable-audio', other: 'audio.generate-minimax' },
])('seed spec $file', ({ file, generate, model, other }) => {
  const input = seed(file);
  const { text, report } = addCodeSamples(input, 'yaml', library);

  it('gets one sample per language on each operation a snippet demonstrates, rendered with the defaults', () => {
    const post = samplesOf(text, 'post', '/v2/generate/audio')!;
    expect(post.map((s) => [s.lang, s.label])).toEqual([
      ['Python', 'Python'],
      ['JavaScript', 'JavaScript'],
      ['Shell', 'cURL'],
    ]);
    expect(post.map(({ label, source }) => ({ label, source }))).toEqual(expectedEntries(snippet(generate)));
    const curl = post.find((s) => s.label === 'cURL')!.source;
    expect(curl).toContain("'https://api.aimlapi.com/v2/generate/audio'");
    expect(curl).toContain(`"model": "${model}"`);
    expect(curl).toContain('<YOUR_API_KEY>');

    const get = samplesOf(text, 'get', '/v2/generate/audio')!;
    expect(get.map(({ label, source }) => ({ label, source }))).toEqual(expectedEntries(snippet('audio.fetch-generation')));
    expect(get.find((s) => s.label === 'cURL')!.source).toContain('generation_id=<YOUR_GENERATION_ID>');
  });

  it('keeps every other byte of the spec', () => {
    expect(text).not.toBe(input);
    expect(withoutCodeSampleBlocks(text)).toBe(input);
    // Everything the spec said still reads the same.
    const before = YAML.parse(input) as Spec;
    const after = YAML.parse(text) as Spec;
    for (const item of Object.values(after.paths)) for (const op of Object.values(item)) delete op['x-codeSamples'];
    expect(after).toEqual(before);
  });

  it('reports what it could not place, and keeps the other model’s snippet off this spec', () => {
    expect(report.added.map((a) => [a.method, a.path, a.snippets, a.replaced])).toEqual([
      ['POST', '/v2/generate/audio', [generate], false],
      ['GET', '/v2/generate/audio', ['audio.fetch-generation'], false],
    ]);
    expect(report.operationsWithoutSnippet).toEqual([]);
    expect(report.snippetsNotInSpec).toEqual([{ id: 'open-ai.chat-completion', method: 'POST', path: '/v1/chat/completions' }]);
    expect(report.snippetsForOtherModels).toEqual([
      { id: other, method: 'POST', path: '/v2/generate/audio', model: snippet(other).config.payload.model, accepted: [model] },
    ]);
    expect(report.snippetsWithoutOperation).toEqual(['misc.no-operation']);
  });

  it('passes Redocly’s OpenAPI validation with exactly the problems the seed already had', async () => {
    const problems = await lintSpec(text, file);
    expect(problems).toEqual(await lintSpec(input, file));
    expect(problems.filter((p) => p.pointer.includes('x-codeSamples'))).toEqual([]);
    expect(problems.filter((p) => p.ruleId === 'struct')).toEqual([]);
  });

  it('gives the same text when run again on its own output (the samples are replaced, not added twice)', () => {
    const again = addCodeSamples(text, 'yaml', library);
    expect(again.text).toBe(text);
    expect(again.report.added.every((a) => a.replaced)).toBe(true);
  });
});

describe('validation is real', () => {
  it('Redocly flags an x-codeSamples entry of the wrong shape', async () => {
    const { text } = addCodeSamples(seed('minimax-docs.yaml'), 'yaml', library);
    const broken = text.replace('- lang: Python', '- lang: 7');
    expect(broken).not.toBe(text);
    const problems = await lintSpec(broken);
    expect(problems).toContainEqual(expect.objectContaining({ ruleId: 'struct', pointer: '#/paths/~1v2~1generate~1audio/post/x-codeSamples/0/lang' }));
  });
});

describe('the stable-audio seed ends without a newline, in spaces', () => {
  it('still ends exactly so', () => {
    const input = seed('stable-audio-docs.yaml');
    expect(input.endsWith("StableAudioDTO'\n      ")).toBe(true);
    expect(addCodeSamples(input, 'yaml', library).text.endsWith("StableAudioDTO'\n      ")).toBe(true);
  });
});

const CHAT_SPEC = (servers: string, path: string) => `openapi: 3.1.0
info:
  title: Chat # a comment that must survive
  version: '1'
${servers}paths:
  ${path}:
    post:
      operationId: createChatCompletion
      responses:
        '200':
          description: OK
  /models:
    get:
      operationId: listModels
      responses:
        '200': { description: OK }
`;

describe('matching a config path against spec paths and servers', () => {
  const chat = snippet('open-ai.chat-completion');
  expect(chat.config.path).toBe('/v1/chat/completions');

  it.each([
    ['a server with a base path: config /v1/chat/completions = https://api.aimlapi.com/v1 + /chat/completions', 'servers:\n  - url: https://api.aimlapi.com/v1\n', '/chat/completions'],
    ['a server URL with a variable, from its default', "servers:\n  - url: 'https://api.aimlapi.com/{version}'\n    variables:\n      version:\n        default: v1\n", '/chat/completions'],
    ['a relative server URL', 'servers:\n  - url: /v1\n', '/chat/completions'],
    ['no servers, the full path as the key', '', '/v1/chat/completions'],
    ['a server without a path, the full path as the key', 'servers:\n  - url: https://api.aimlapi.com\n', '/v1/chat/completions'],
  ])('%s', async (_title, servers, path) => {
    const input = CHAT_SPEC(servers, path);
    const { text, report } = addCodeSamples(input, 'yaml', [chat]);
    expect(samplesOf(text, 'post', path)?.map((s) => s.label)).toEqual(['Python', 'JavaScript', 'cURL']);
    expect(report.snippetsNotInSpec).toEqual([]);
    expect(report.operationsWithoutSnippet).toEqual([{ method: 'GET', path: '/models' }]);
    expect(withoutCodeSampleBlocks(text)).toBe(input);
    expect(text).toContain('title: Chat # a comment that must survive');
    expect((await lintSpec(text)).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('does not match a path under another base', () => {
    const { report } = addCodeSamples(CHAT_SPEC('servers:\n  - url: https://api.aimlapi.com/v2\n', '/chat/completions'), 'yaml', [chat]);
    expect(report.snippetsNotInSpec).toEqual([{ id: 'open-ai.chat-completion', method: 'POST', path: '/v1/chat/completions' }]);
    expect(report.added).toEqual([]);
  });

  it('matches path parameters whatever their names, and ignores a query in the config path', () => {
    const fetch: LibrarySnippet = { ...chat, id: 'x.fetch', config: { ...chat.config, method: 'get', path: '/v1/jobs/{job_id}?verbose=true' } };
    const spec = "openapi: 3.0.0\ninfo: { title: Jobs, version: '1' }\nservers:\n  - url: https://api.aimlapi.com/v1\npaths:\n  /jobs/{id}:\n    get:\n      parameters:\n        - { name: id, in: path, required: true, schema: { type: string } }\n      responses:\n        '200':\n          description: OK\n";
    const { report } = addCodeSamples(spec, 'yaml', [fetch]);
    expect(report.added.map((a) => `${a.method} ${a.path}`)).toEqual(['GET /jobs/{id}']);
  });
});

describe('JSON specs', () => {
  it('stay JSON with the file’s own indentation', () => {
    const input = `${JSON.stringify(YAML.parse(seed('minimax-docs.yaml')), null, 4)}\n`;
    const { text } = addCodeSamples(input, 'json', library);
    const parsed = JSON.parse(text) as Spec;
    expect(parsed.paths['/v2/generate/audio']!.post!['x-codeSamples']!.map((s) => s.label)).toEqual(['Python', 'JavaScript', 'cURL']);
    for (const item of Object.values(parsed.paths)) for (const op of Object.values(item)) delete op['x-codeSamples'];
    expect(`${JSON.stringify(parsed, null, 4)}\n`).toBe(input);
  });
});

describe('bad input gets a message that names it and the fix', () => {
  const base = snippet('audio.generate-minimax');
  const withConfig = (config: Partial<LibrarySnippet['config']>): LibrarySnippet => ({ ...base, config: { ...base.config, ...config } });

  it.each([
    [{ path: undefined }, /generate-minimax\/config\.json has "method" but no "path": give both, e\.g\. "method": "POST"/],
    [{ method: undefined }, /has "path" but no "method"/],
    [{ method: 'FETCH' }, /"method": "FETCH" is not an HTTP method\. Use one of GET, PUT, POST, DELETE, OPTIONS, HEAD, PATCH, TRACE/],
    [{ path: 'v2/generate/audio' }, /"path": "v2\/generate\/audio" must start with "\/"/],
  ])('config %j', (config, message) => {
    expect(() => addCodeSamples(seed('minimax-docs.yaml'), 'yaml', [withConfig(config)])).toThrow(message);
  });

  it('a document that is not OpenAPI', () => {
    expect(() => addCodeSamples('name: not a spec\n', 'yaml', library)).toThrow(/not an OpenAPI document: it has no "openapi"/);
  });

  it('YAML that does not parse names the line', () => {
    expect(() => addCodeSamples('openapi: 3.0.0\npaths: [\n', 'yaml', library)).toThrow(/not valid YAML: .*line 3/s);
  });

  it('a library folder that does not exist', () => {
    expect(() => readLibrary(join(FIXTURES, 'no-such-library'))).toThrow(/Snippet library folder not found: .*no-such-library\. Pass the folder .* --library shared\/snippets/);
  });

  it('a template that does not render with its defaults', () => {
    const stable = snippet('audio.generate-stable');
    const badStable: LibrarySnippet = { ...stable, templates: { sh: '{{str missingVariable}}' } };
    expect(() => addCodeSamples(seed('stable-audio-docs.yaml'), 'yaml', [badStable])).toThrow(
      /Snippet audio\.generate-stable does not render with its defaults: Template audio\/generate-stable\/sh\.hbs failed: .*no value: add it to "payload"/,
    );
  });
});
