import { beforeAll, describe, expect, it } from 'vitest';
import { adaptTokens, DIGITS, STRING_TEXT, type PrebuiltHighlights } from '../../src/core/formats/prebuilt-highlights.ts';
import type { SnippetChunk } from '../../src/core/formats/snippet-chunk.ts';
import { plainValues } from '../../src/core/plain-values.ts';
import type { SnippetValue } from '../../src/core/types.ts';
import { loadChunks, renderWith, shiki, shikiTokens } from '../support/library.ts';

let chunks: SnippetChunk[] = [];

beforeAll(async () => {
  chunks = await loadChunks();
  await shiki();
});

describe("the build's tokens", () => {
  it('are the page’s Shiki tokens for every snippet of the library as its defaults render it', async () => {
    let files = 0;
    for (const chunk of chunks) {
      for (const file of renderWith(chunk)) {
        expect(file.highlight, `${chunk.id} ${file.lang}`).toBe('highlighted');
        expect(file.tokens, `${chunk.id} ${file.lang}`).toEqual(await shikiTokens(file));
        files++;
      }
    }
    expect(files).toBeGreaterThan(90);
  });

  // Values pages set: model ids, URLs, prompts in plain words, a key (shown masked), numbers.
  const STRINGS = ['x', "Plain words, a question? Yes: it's a=b&c;d~e*f @g+h!"];
  const NUMBERS = [40960];

  it('are reused, exactly, when a page changes values to plain text or digits', async () => {
    let reused = 0;
    let compared = 0;
    for (const chunk of chunks) {
      for (const [key, fallback] of Object.entries(chunk.config.payload)) {
        const probes = typeof fallback === 'number' ? NUMBERS : typeof fallback === 'string' ? STRINGS : [];
        for (const value of probes) {
          for (const file of renderWith(chunk, { [key]: value })) {
            compared++;
            if (!file.tokens) continue;
            reused++;
            expect(file.tokens, `${chunk.id} ${file.lang} with ${key}=${JSON.stringify(value)}`).toEqual(await shikiTokens(file));
          }
        }
      }
    }
    // Nearly every change is one the build's tokens can take; the rest are values whose
    // default holds an escape (a prompt with "\n" in it) or a number with a decimal point.
    expect(reused / compared).toBeGreaterThan(0.9);
  }, 60_000);

  it('are reused for the model and the masked key of every snippet that has them', async () => {
    for (const chunk of chunks) {
      const { payload, secrets = [] } = chunk.config;
      const values: Record<string, SnippetValue> = {};
      if (typeof payload.model === 'string') values.model = 'vendor/model-2.5-turbo';
      for (const key of secrets) values[key] = 'sk-live-0123456789abcdef';
      for (const file of renderWith(chunk, values)) {
        expect(file.tokens, `${chunk.id} ${file.lang}`).toEqual(await shikiTokens(file));
      }
    }
  });

  it('give way to Shiki for values that could change the program’s tokens', () => {
    const chunk = chunks.find((candidate) => candidate.id === 'open-ai.chat-completion')!;
    for (const prompt of ['Say "hi"', 'a \\ b', '${HOME} {x} %s', 'two\nlines']) {
      for (const file of renderWith(chunk, { prompt })) {
        expect(file.tokens, `${file.lang} with ${JSON.stringify(prompt)}`).toBeNull();
        expect(file.highlight).toBe('pending');
      }
    }
  });
});

describe('adaptTokens', () => {
  const highlights: PrebuiltHighlights = {
    styles: [
      [0, 0],
      [1, 0],
      [2, 1],
    ],
    files: {
      py: [
        [0, 'model', 0, '=', 1, '"', [STRING_TEXT, 'gpt-4o'], '"', 0, ', n=', 2, [DIGITS, '512']],
        [0, 'print', 0, '(', 1, '"', [STRING_TEXT, 'a'], '"', 0, ', ', 1, '"', [STRING_TEXT, 'b'], '"', 0, ')'],
      ],
    },
  };
  const code = (model: string, n: string, second = 'print("a", "b")') => `model="${model}", n=${n}\n${second}`;
  const texts = (lines: ReturnType<typeof adaptTokens>) => lines?.map((line) => line.map((token) => token.text));

  it('returns the build’s tokens for the code it was built from', () => {
    const lines = adaptTokens(highlights, 'py', code('gpt-4o', '512'));
    expect(texts(lines)).toEqual([
      ['model', '=', '"gpt-4o"', ', n=', '512'],
      ['print', '(', '"a"', ', ', '"b"', ')'],
    ]);
    expect(lines![0]![2]).toEqual({ text: '"gpt-4o"', color: 1 });
    expect(lines![0]![4]).toEqual({ text: '512', color: 2, fontStyle: 1 });
  });

  it('swaps plain text inside a string, at its start, middle or end', () => {
    expect(texts(adaptTokens(highlights, 'py', code('gpt-4o-mini', '512')))![0]![2]).toBe('"gpt-4o-mini"');
    expect(texts(adaptTokens(highlights, 'py', code('o1', '512')))![0]![2]).toBe('"o1"');
    expect(texts(adaptTokens(highlights, 'py', code('vendor/gpt-4o', '512')))![0]![2]).toBe('"vendor/gpt-4o"');
  });

  it('swaps digits of a number, and nothing else there', () => {
    expect(texts(adaptTokens(highlights, 'py', code('gpt-4o', '4096')))![0]![4]).toBe('4096');
    expect(adaptTokens(highlights, 'py', code('gpt-4o', '5x'))).toBeNull();
  });

  it('gives up on characters a string cannot take plainly, on fixed parts, and on emptied parts', () => {
    for (const model of ['gpt"4o', 'gpt\\4o', 'gpt${x}', 'gpt{x}', 'gpt%s', 'gpt`4o']) {
      expect(adaptTokens(highlights, 'py', code(model, '512')), model).toBeNull();
    }
    expect(adaptTokens(highlights, 'py', 'model ="gpt-4o", n=512\nprint("a", "b")')).toBeNull();
    expect(adaptTokens(highlights, 'py', code('', '512'))).toBeNull();
  });

  it('gives up when a line changes in two places or the line count changes', () => {
    expect(adaptTokens(highlights, 'py', code('gpt-4o', '512', 'print("x", "y")'))).toBeNull();
    expect(adaptTokens(highlights, 'py', `${code('gpt-4o', '512')}\n`)).toBeNull();
    expect(adaptTokens(highlights, 'js', code('gpt-4o', '512'))).toBeNull();
    expect(adaptTokens(undefined, 'py', code('gpt-4o', '512'))).toBeNull();
  });
});

describe('plainValues', () => {
  it('tells, from the values alone, whether a page will likely need Shiki', () => {
    expect(plainValues({ model: 'meta-llama/Llama-3.3-70B', maxTokens: 512, stream: true }, { apiKey: 'sk-0123' })).toBe(true);
    expect(plainValues({})).toBe(true);
    // A single quote is plain in the double-quoted literals the helpers write; the shell helper
    // escapes it with a backslash, which is not.
    expect(plainValues({ prompt: "What's new?" })).toBe(true);
    for (const value of ['Say "hi"', 'a\\b', '$HOME', '{x}', '50%', 'two\nlines', '`x`']) {
      expect(plainValues({ model: 'gpt-4o' }, { prompt: value }), value).toBe(false);
    }
  });
});
