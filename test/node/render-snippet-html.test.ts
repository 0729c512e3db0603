import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SnippetChunk } from '../../src/core/formats/snippet-chunk.ts';
import { SnippetError } from '../../src/core/snippet-error.ts';
import { createStaticRenderer, renderSnippetHtml } from '../../src/node/index.ts';
import { hostileValue } from '../library/hostile-values.ts';
import { loadChunks, renderWith } from '../support/library.ts';

let chunks: SnippetChunk[] = [];
beforeAll(async () => {
  chunks = await loadChunks();
});

/** Every element of a tree, template contents included (the declarative shadow root). */
function elements(node: Root | Element): Element[] {
  const children: RootContent[] = [...node.children, ...(node.type === 'element' && node.tagName === 'template' && node.content ? node.content.children : [])];
  return children.flatMap((child) => (child.type === 'element' ? [child, ...elements(child)] : []));
}

const byClass = (tree: Root, name: string) => elements(tree).filter((element) => (element.properties.className as string[] | undefined)?.includes(name));

/** What the pre-rendered markup shows: each panel's language and code, and the checked tab. */
function readBack(html: string) {
  const tree = fromHtml(html, { fragment: true });
  const panels = byClass(tree, 'panel').map((panel) => ({ lang: String(panel.properties.dataLang), code: toText(elements(panel).find((e) => e.tagName === 'code')!, { whitespace: 'pre' }) }));
  const checked = elements(tree).find((element) => element.tagName === 'input' && element.properties.checked);
  return { tree, panels, checked: checked?.properties.value, template: elements(tree).find((element) => element.tagName === 'template') };
}

describe('renderSnippetHtml', () => {
  it('renders, for every snippet of the library, every tab’s code exactly as the bundle renders it, highlighted', async () => {
    const renderer = createStaticRenderer();
    let files = 0;
    for (const chunk of chunks) {
      const html = await renderer.renderHtml(chunk.id, { model: 'vendor/model-2' }.model && 'model' in chunk.config.payload ? { model: 'vendor/model-2' } : {});
      const { panels, template, tree } = readBack(html);
      expect(template?.properties.shadowRootMode, chunk.id).toBe('open');
      const expected = renderWith(chunk, 'model' in chunk.config.payload ? { model: 'vendor/model-2' } : {});
      expect(panels, chunk.id).toEqual(expected.map((file) => ({ lang: file.lang, code: file.displayCode })));
      expect(byClass(tree, 'c5').length + byClass(tree, 'c2').length, `${chunk.id} is coloured`).toBeGreaterThan(3);
      files += panels.length;
    }
    expect(files).toBeGreaterThan(90);
  }, 60_000);

  it('keeps hostile values intact in the code and inert in the page', async () => {
    const renderer = createStaticRenderer();
    for (const id of ['open-ai.chat-completion', 'image.flux', 'voice.tts']) {
      const chunk = chunks.find((candidate) => candidate.id === id)!;
      const strings = Object.keys(chunk.config.payload).filter((key) => typeof chunk.config.payload[key] === 'string' && !(chunk.config.secrets ?? []).includes(key));
      const values = Object.fromEntries(strings.map((key) => [key, hostileValue(key)]));
      const html = await renderer.renderHtml(id, values);
      const { panels, tree } = readBack(html);
      expect(panels.map((panel) => panel.code), id).toEqual(renderWith(chunk, values).map((file) => file.displayCode));
      // Nothing a value holds became markup: the only elements are the viewer's own.
      const tags = new Set(elements(tree).map((element) => element.tagName));
      for (const tag of ['script', 'img', 'iframe', 'object']) expect(tags.has(tag), `${id}: <${tag}>`).toBe(false);
      // The values are kept on the element, as attributes, for the bundle to re-render from.
      const snippet = elements(tree).find((element) => element.tagName === 'snippet')!;
      expect(snippet.properties.dataPrompt ?? snippet.properties.dataText ?? snippet.properties.dataModel).toMatch(/^⟪/);
    }
  });

  it('shows the tab it is asked for first, and reaches the others', async () => {
    const { checked, panels } = readBack(await renderSnippetHtml('open-ai.chat-completion', {}, { lang: 'sh' }));
    expect(checked).toBe('sh');
    expect(panels.map((panel) => panel.lang)).toEqual(['py', 'js', 'sh']);
  });

  it('links the stylesheet instead of inlining it when asked', async () => {
    const { tree } = readBack(await renderSnippetHtml('image.flux', {}, { stylesheet: { href: 'https://cdn.example/snippets/1.0.0/viewer.css' } }));
    const link = elements(tree).find((element) => element.tagName === 'link')!;
    expect(link.properties.href).toBe('https://cdn.example/snippets/1.0.0/viewer.css');
    expect(elements(tree).some((element) => element.tagName === 'style')).toBe(false);
  });

  it('throws the bundle’s errors: unknown names with the closest ones, bad values with the fix, and refuses secrets', async () => {
    const fail = (promise: Promise<unknown>) => promise.then(() => { throw new Error('resolved'); }, (error: unknown) => error as SnippetError);
    const unknown = await fail(renderSnippetHtml('open-ai.chat-completon'));
    expect(unknown).toBeInstanceOf(SnippetError);
    expect(unknown.code).toBe('unknown-snippet');
    expect(unknown.message).toContain('Did you mean "open-ai.chat-completion"');
    const bad = await fail(renderSnippetHtml('open-ai.chat-completion', { maxTokens: 'lots' }));
    expect([bad.code, bad.message]).toEqual(['bad-value', 'data-max-tokens="lots" is not a number. Write a number, e.g. data-max-tokens="512".']);
    const secret = await fail(renderSnippetHtml('open-ai.chat-completion', { apiKey: 'sk-live-123' }));
    expect(secret.code).toBe('bad-value');
    expect(secret.message).toMatch(/^data-api-key is a secret: it is never written into a page/);
    expect(secret.message).not.toContain('sk-live-123');
    const lang = await fail(renderSnippetHtml('image.flux', {}, { lang: 'go' }));
    expect(lang.message).toBe('lang "go" is not a language of "image.flux". Use one of "py", "js", "sh".');
  });
});
