import { readFileSync } from 'node:fs';
import { index, loaders } from 'virtual:snippet-library';
import { describe, expect, it } from 'vitest';
import { scanLibrary } from '../../build/read-library.ts';
import { RESERVED_KEYS, resolveValues } from '../../src/core/resolve-values.ts';
import type { SnippetConfig } from '../../src/core/types.ts';
import { renderFiles } from '../../src/pipeline/render-files.ts';
import { renderer } from '../support/library.ts';
import { checkLibrary } from './check-library';

// `npm run check:snippets`: the whole of shared/snippets, every snippet × language, rendered
// with its defaults, with hostile values and with alternate numbers, and parsed.
const ROOT = 'shared/snippets';
const entries = scanLibrary(ROOT);
const check = checkLibrary(ROOT);

/** The API operations the docs embed (issue 3); each is a plain HTTP request, so each has a cURL tab. */
const EXPECTED_IDS = [
  '3d.triposr', 'anthropic.messages', 'audio.create-generation-minimax', 'audio.create-generation-stable',
  'audio.fetch-generation', 'image.flux', 'image.flux-image-to-image', 'image.openai', 'image.recraft',
  'image.stability', 'image.together', 'kling.create-image-to-video-generation', 'kling.create-text-to-video-generation',
  'kling.fetch-generation', 'luma-ai.create-generation', 'luma-ai.fetch-generation', 'minimax.create-audio-generation',
  'minimax.create-video-generation', 'minimax.fetch-video-generation', 'minimax.upload-audio', 'open-ai.chat-completion',
  'open-ai.chat-completion-code', 'open-ai.chat-completion-o1', 'open-ai.completion', 'open-ai.embedding', 'open-ai.guard',
  'open-ai.image-generation', 'runway.create-generation', 'runway.fetch-generation', 'suno-ai.clip-generation',
  'together-ai.chat-completion-vision', 'video.runway', 'voice.stt', 'voice.tts',
];

const readConfig = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as SnippetConfig;

describe('the template library', () => {
  it('holds every snippet the docs embed', () => {
    expect(entries.map((e) => e.id)).toEqual(EXPECTED_IDS);
  });

  it.each(entries.map((entry) => [entry.id, entry.dir]))('%s has no problems', (_id, dir) => {
    expect(check.problems.filter((p) => p.file === dir || p.file.startsWith(`${dir}/`))).toEqual([]);
  });

  it('reserves in config.schema.json the names the widget reserves', () => {
    const schema = JSON.parse(readFileSync(`${ROOT}/config.schema.json`, 'utf8'));
    expect(schema.properties.payload.propertyNames.not.enum).toEqual(RESERVED_KEYS);
  });

  it('has no problems outside its snippets', () => {
    expect(check.problems).toEqual([]);
  });

  it.each(entries.map((entry) => [entry.id, entry]))('%s has Python, JavaScript and cURL, links its docs and hides its key', (_id, entry) => {
    expect(entry.templates.map((t) => t.lang)).toEqual(['js', 'py', 'sh']);
    const config = readConfig(entry.configPath);
    expect(config.docs).toMatch(/^https:\/\/docs\.aimlapi\.com\//);
    expect(config.secrets).toEqual(['apiKey']);
    expect(config.payload.apiKey).toBe('<YOUR_API_KEY>');
    expect(config.payload.baseUrl).toMatch(/^https:\/\/api\.aimlapi\.com(\/v[12])?$/);
  });
});

describe('the check renders what the build ships', () => {
  // The check compiles templates itself; the widget gets them precompiled by the Vite
  // plugin. Equal output for the same values proves the check tests the shipped code.
  it('lists the same ids as the build', () => {
    expect([...index.ids]).toEqual(entries.map((e) => e.id));
  });

  it.each(EXPECTED_IDS)('%s renders the same text, with defaults and with hostile values', async (id) => {
    const snippet = (await loaders[id]!()).default;
    for (const variant of ['defaults', 'hostile'] as const) {
      const programs = check.programs.filter((p) => p.id === id && p.variant === variant);
      const values = programs[0]!.values;
      expect(values).toEqual(resolveValues(id, snippet.config, { source: 'attribute', values: variant === 'defaults' ? {} : values }));
      const shipped = renderFiles(snippet, values, renderer).map((f) => [f.lang, f.code]);
      expect(shipped).toEqual(expect.arrayContaining(programs.map((p) => [p.lang, p.source])));
      expect(shipped).toHaveLength(programs.length);
    }
  });
});
