import { snippetIds, snippetLoaders } from 'virtual:snippet-library';
import { snippetLanguagesOf } from '../../src/library/load-snippet';
import { describe, expect, it } from 'vitest';
import { resolveValues } from '../../src/core/resolve-values';
import { maskSecret, renderSnippet, renderTemplate } from '../../src/render/render-snippet';

const load = async (id: string) => (await snippetLoaders[id]!()).default;

describe('precompiled templates', () => {
  it("list each snippet's languages in the entry in the tab order its render has", async () => {
    for (const id of snippetIds) {
      const template = await load(id);
      const rendered = renderSnippet(template, resolveValues(id, template.config));
      expect(snippetLanguagesOf(id), id).toEqual(rendered.files.map((file) => file.lang));
    }
    expect(snippetLanguagesOf('no.such-snippet')).toEqual([]);
  });

  it('render once per set of values: the preview and the viewer share one rendering', async () => {
    const template = await load('open-ai.chat-completion');
    const first = renderSnippet(template, resolveValues(template.id, template.config, { model: 'm-1' }));
    expect(renderSnippet(template, resolveValues(template.id, template.config, { model: 'm-1' }))).toBe(first);
    const other = renderSnippet(template, resolveValues(template.id, template.config, { model: 'm-2' }));
    expect(other).not.toBe(first);
    expect(other.files[0]!.code).toContain('model="m-2"');
  });

  it('render a snippet in every language, in tab order, with defaults filled in', async () => {
    const template = await load('open-ai.chat-completion');
    const rendered = renderSnippet(template, resolveValues(template.id, template.config));
    expect(rendered.title).toBe(template.config.title);
    expect(rendered.docs).toMatch(/^https:\/\//);
    expect(rendered.files.map((file) => file.label)).toEqual(['Python', 'JavaScript', 'cURL']);
    const python = rendered.files[0]!.code;
    expect(python).toContain('model="gpt-4o"');
    expect(python).toContain('max_tokens=512');
    expect(python).not.toMatch(/=\s*""|''/);
  });

  it('escape a value for the language it lands in, keeping it intact', async () => {
    const template = await load('open-ai.chat-completion');
    const hostile = `it's "quoted" \\ \`tick\` \${x}\nnew line`;
    const values = resolveValues(template.id, template.config, { prompt: hostile });
    expect(renderTemplate(template, 'py', values)).toContain(`"it's \\"quoted\\" \\\\ \`tick\` \${x}\\nnew line"`);
    expect(renderTemplate(template, 'js', values)).toContain(`"it's \\"quoted\\" \\\\ \`tick\` \${x}\\nnew line"`);
    // In the curl body the value is JSON inside a quoted heredoc: the shell expands nothing there.
    expect(renderTemplate(template, 'sh', values)).toContain(`"it's \\"quoted\\" \\\\ \`tick\` \${x}\\nnew line"`);
  });

  it('mask a secret on screen and keep it whole in the copied code', async () => {
    const template = await load('open-ai.chat-completion');
    const rendered = renderSnippet(template, resolveValues(template.id, template.config, { apiKey: 'sk-live-abcdef123456' }));
    const python = rendered.files[0]!;
    expect(python.code).toContain('sk-live-abcdef123456');
    expect(python.displayCode).not.toContain('sk-live-abcdef');
    expect(python.displayCode).toContain(maskSecret('sk-live-abcdef123456'));
    expect(maskSecret('sk-live-abcdef123456')).toBe('••••••••3456');
  });

  it('name the template file when a variable has no value', async () => {
    const template = await load('open-ai.chat-completion');
    expect(() => renderTemplate(template, 'py', { model: 'x' })).toThrow(/open-ai\/chat-completion\/py\.hbs failed/);
  });
});
