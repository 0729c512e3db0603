import { describe, expect, it } from 'vitest';
import { resolveValues } from '../../src/core/resolve-values.ts';
import { maskSecret, renderTemplate } from '../../src/pipeline/render-files.ts';
import { index, loadChunk, loadChunks, renderer, renderWith } from '../support/library.ts';

describe('rendering a snippet', () => {
  it("follows the index's tab order, and the index's line counts are its defaults'", async () => {
    for (const chunk of await loadChunks()) {
      const files = renderWith(chunk);
      const entry = index.snippets[chunk.id]!;
      expect(entry.languages, chunk.id).toEqual(files.map((file) => file.lang));
      expect(entry.lines, chunk.id).toEqual(files.map((file) => file.displayCode.replace(/\n$/, '').split('\n').length));
      expect(entry.title).toBe(chunk.config.title);
    }
  });

  it('renders every language, in tab order, with defaults filled in', async () => {
    const files = renderWith(await loadChunk('open-ai.chat-completion'));
    expect(files.map((file) => file.label)).toEqual(['Python', 'JavaScript', 'cURL']);
    const python = files[0]!.code;
    expect(python).toContain('model="gpt-4o"');
    expect(python).toContain('max_tokens=512');
    expect(python).not.toMatch(/=\s*""|''/);
  });

  it('escapes a value for the language it lands in, keeping it intact', async () => {
    const chunk = await loadChunk('open-ai.chat-completion');
    const hostile = `it's "quoted" \\ \`tick\` \${x}\nnew line`;
    const values = resolveValues(chunk.id, chunk.config, { source: 'attribute', values: { prompt: hostile } });
    const escaped = `"it's \\"quoted\\" \\\\ \`tick\` \${x}\\nnew line"`;
    expect(renderTemplate(chunk, 'py', values, renderer)).toContain(escaped);
    expect(renderTemplate(chunk, 'js', values, renderer)).toContain(escaped);
    // In the curl body the value is JSON inside a quoted heredoc: the shell expands nothing there.
    expect(renderTemplate(chunk, 'sh', values, renderer)).toContain(escaped);
  });

  it("joins a page's base URL into each request URL as it renders, trailing slash or not", async () => {
    for (const baseUrl of ['https://page.example/v1', 'https://page.example/v1/']) {
      const [python, javascript, curl] = renderWith(await loadChunk('image.flux'), { baseUrl });
      expect(python!.code).toContain('        "https://page.example/v1/images/generations",\n');
      expect(javascript!.code).toContain(`  const response = await fetch("https://page.example/v1/images/generations", {\n`);
      expect(curl!.code.split('\n')[0]).toBe("curl --fail-with-body 'https://page.example/v1/images/generations' \\");
    }
    // The OpenAI SDKs take the base URL as given and join paths themselves.
    expect(renderWith(await loadChunk('open-ai.chat-completion'), { baseUrl: 'https://page.example/v1/' })[0]!.code).toContain('base_url="https://page.example/v1/"');
  });

  it('masks a secret on screen and keeps it whole in the copied code', async () => {
    const [python] = renderWith(await loadChunk('open-ai.chat-completion'), { apiKey: 'sk-live-abcdef123456' });
    expect(python!.code).toContain('sk-live-abcdef123456');
    expect(python!.displayCode).not.toContain('sk-live-abcdef');
    expect(python!.displayCode).toContain(maskSecret('sk-live-abcdef123456'));
    expect(maskSecret('sk-live-abcdef123456')).toBe('••••••••3456');
    expect(maskSecret('short')).toBe('••••••••');
  });

  it('names the template file when a variable has no value', async () => {
    const chunk = await loadChunk('open-ai.chat-completion');
    expect(() => renderTemplate(chunk, 'py', { model: 'x' }, renderer)).toThrow(/open-ai\/chat-completion\/py\.hbs failed/);
  });

  it('lets a template reach only the values, never what objects inherit', async () => {
    const chunk = await loadChunk('open-ai.chat-completion');
    const values = resolveValues(chunk.id, chunk.config, { source: 'attribute', values: { model: 'constructor' } });
    expect(renderTemplate(chunk, 'py', values, renderer)).toContain('model="constructor"');
  });
});
