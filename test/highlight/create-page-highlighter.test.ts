import { describe, expect, it, vi } from 'vitest';
import { SnippetError } from '../../src/core/snippet-error.ts';
import { createPageHighlighter } from '../../src/highlight/create-page-highlighter.ts';
import * as shiki from '../../src/highlight/create-shiki-tokenizer.ts';

const offline = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));

describe('the page highlighter', () => {
  it('tokenizes with Shiki once the grammar is in, after a paint, and remembers the tokens of the same code', async () => {
    const afterPaint = vi.fn((task: () => void) => task());
    const highlighter = createPageHighlighter({ afterPaint });
    const lines = await highlighter.highlight('import os\nprint("hi")', 'python', 'x.y');
    expect(lines.map((line) => line.map((token) => token.text).join(''))).toEqual(['import os', 'print("hi")']);
    expect(lines[0]![0]!.text).toBe('import');
    expect(lines[0]![0]!.color).toBeTypeOf('number');
    expect(await highlighter.highlight('import os\nprint("hi")', 'python', 'x.y')).toBe(lines);
    expect(afterPaint).toHaveBeenCalledTimes(1);
  });

  it('reports a Shiki chunk that failed to load as what it is, and loads it again next time', async () => {
    const load = vi.fn<() => Promise<typeof shiki>>().mockImplementationOnce(offline).mockImplementation(async () => shiki);
    const highlighter = createPageHighlighter({ load });
    const error = (await highlighter.highlight('x = 1', 'python', 'open-ai.chat-completion').catch((caught: unknown) => caught)) as SnippetError;
    expect(error).toBeInstanceOf(SnippetError);
    expect(error.code).toBe('highlight-failed');
    expect(error.snippet).toBe('open-ai.chat-completion');
    expect(error.message).toMatch(/^Could not load the highlighter \(Shiki\)/);
    expect((await highlighter.highlight('x = 1', 'python', 'open-ai.chat-completion'))[0]!.map((token) => token.text).join('')).toBe('x = 1');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('reports a grammar that failed to load by its name', async () => {
    const grammarLoaders = { ...shiki.grammarLoaders, python: offline };
    const highlighter = createPageHighlighter({ load: async () => ({ ...shiki, grammarLoaders }) });
    await expect(highlighter.highlight('x = 1', 'python', 'x.y')).rejects.toThrow(/^Could not load the python grammar/);
  });

  it('asks for a failed chunk again under another URL: the browser remembers a module that failed', async () => {
    const importUrl = vi.fn(async () => shiki as never);
    const preload = vi.fn();
    const highlighter = createPageHighlighter({ load: offline, importUrl, preload, urls: { highlighter: ['https://cdn.example/shiki.js'], grammars: {} as never } });
    highlighter.preload('python');
    expect(preload).toHaveBeenCalledWith('https://cdn.example/shiki.js');
    await expect(highlighter.highlight('x = 1', 'python', 'x.y')).rejects.toThrow(/Shiki/);
    await highlighter.highlight('x = 1', 'python', 'x.y');
    expect(importUrl).toHaveBeenCalledWith('https://cdn.example/shiki.js?retry=1');
  });
});

describe('Shiki’s tokens', () => {
  it('add up to the code, carriage returns included', async () => {
    const code = 'x = "a\r\nb"\r\nprint(x)\n';
    const lines = await createPageHighlighter().highlight(code, 'python', 'x.y');
    expect(lines.map((line) => line.map((token) => token.text).join('')).join('\n')).toBe(code);
  });
});
