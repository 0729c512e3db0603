import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { snippetLibrary } from '../../build/snippet-library.ts';

const root = mkdtempSync(join(tmpdir(), 'snippet-library-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function addSnippet(id: string, config: object, templates: Record<string, string>) {
  const dir = join(root, ...id.split('.'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  for (const [lang, source] of Object.entries(templates)) writeFileSync(join(dir, `${lang}.hbs`), source);
}

/** The `virtual:snippet/<id>` module as the bundler gets it, and what the plugin warned. */
async function snippetModule(id: string) {
  const context = { addWatchFile: vi.fn(), warn: vi.fn(), error: (message: string) => { throw new Error(message); } };
  const { load } = snippetLibrary({ root }) as unknown as { load: { filter: { id: RegExp }; handler: (this: typeof context, id: string) => Promise<string> } };
  const moduleId = `\0virtual:snippet/${id}`;
  expect(moduleId).toMatch(load.filter.id);
  const code = await load.handler.call(context, moduleId);
  const data = JSON.parse(/^const data = (.*);$/m.exec(code)![1]!) as { highlights: { styles: unknown[]; files: Record<string, unknown[]> } | null };
  const highlights = data.highlights;
  return { code, highlights, warn: context.warn };
}

describe('a snippet chunk', () => {
  it('carries its default rendering highlighted, one entry per line of each language', async () => {
    addSnippet('demo.ok', { title: 'Demo', payload: { model: 'gpt-4o' } }, { py: 'print({{str model}})\nx = 1\n', sh: 'echo {{str model}}\n' });
    const { highlights, warn } = await snippetModule('demo.ok');
    expect(warn).not.toHaveBeenCalled();
    expect(Object.keys(highlights!.files).sort()).toEqual(['py', 'sh']);
    // Two lines and the empty one after the final newline.
    expect(highlights!.files.py).toHaveLength(3);
    // The string's text is marked as changeable: [kind, text].
    expect(JSON.stringify(highlights!.files.py![0])).toContain('[1,"gpt-4o"]');
    expect(highlights!.styles.length).toBeGreaterThan(1);
  });

  it('is still made, without build tokens, when a template cannot render with its defaults', async () => {
    addSnippet('demo.broken', { title: 'Broken', payload: {} }, { py: 'print({{str missing}})\n' });
    const { code, highlights, warn } = await snippetModule('demo.broken');
    expect(highlights).toBeNull();
    expect(code).toContain('templates: {');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^demo\.broken: not rendered at build time \(Template demo\/broken\/py\.hbs failed/));
  });
});
