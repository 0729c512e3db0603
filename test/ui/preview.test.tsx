import { afterEach, describe, expect, it } from 'vitest';
import { resolveValues } from '../../src/core/resolve-values';
import { paintPreview, paintPreviewTokens, removePreview } from '../../src/dom/paint-preview';
import { loadGrammar, tokenizeCached } from '../../src/highlight/highlighter';
import { loadSnippet } from '../../src/library/load-snippet';
import { renderSnippet } from '../../src/render/render-snippet';
import { destroyPages, settle, startPage, viewerOf } from './page';

afterEach(destroyPages);

/** The layout-bearing skeleton of a viewer: element names and classes, with the text of leaves. */
function skeleton(node: Element): unknown {
  // The code is compared by its text: the viewer's may already be highlighted.
  const children = node.localName === 'code' ? [] : [...node.children].filter((child) => !child.matches('svg, .sr-only, .scratch, .icon-slot'));
  const classes = node.getAttribute('class') ?? '';
  if (!children.length) return `${node.localName}.${classes}: ${node.textContent}`;
  return { [`${node.localName}.${classes}`]: children.map(skeleton) };
}

/** The chat sample rendered with `values` and painted as a preview of its Python tab. */
async function paintedChat(values: Record<string, string>) {
  const template = await loadSnippet('open-ai.chat-completion');
  const snippet = renderSnippet(template, resolveValues(template.id, template.config, values));
  const root = document.createElement('div').attachShadow({ mode: 'open' });
  paintPreview(root, { snippet, lang: 'py', wrap: false, theme: 'auto' });
  return { snippet, root, highlight: root.querySelector('[data-preview]')!.getAttribute('data-highlight'), code: root.querySelector('code')! };
}

describe('the plain preview painted before React loads', () => {
  it('has the viewer’s own markup, so the viewer takes its place without moving anything', async () => {
    startPage(`<snippet id="a" data-name="open-ai.chat-completion" data-model="gpt-4o-mini"></snippet>`);
    await settle();
    const viewer = viewerOf(document.querySelector('#a')!).querySelector('.viewer')!;

    const template = await loadSnippet('open-ai.chat-completion');
    const snippet = renderSnippet(template, resolveValues(template.id, template.config, { model: 'gpt-4o-mini' }));
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    paintPreview(root, { snippet, lang: 'py', wrap: false, theme: 'auto' });
    const preview = root.querySelector('[data-preview]')!;

    // Buttons and links are plain spans in the preview; the tree, classes and text are the same.
    const normalise = (tree: unknown) => JSON.stringify(tree).replace(/(button|a)\.(button|link|tab)/g, 'span.$2');
    expect(normalise(skeleton(preview))).toBe(normalise(skeleton(viewer)));
    expect(preview.getAttribute('data-theme')).toBe(viewer.getAttribute('data-theme'));
  });

  it('is highlighted in its first paint when the build’s tokens apply, as Shiki highlights it', async () => {
    const { snippet, highlight, code } = await paintedChat({ model: 'vendor/model-2' });
    expect(highlight).toBe('highlighted');
    expect(code.textContent).toBe(snippet.files.find((file) => file.lang === 'py')!.displayCode);

    const other = document.createElement('div').attachShadow({ mode: 'open' });
    paintPreview(other, { snippet: { ...snippet, files: snippet.files.map((file) => ({ ...file, tokens: null })) }, lang: 'py', wrap: false, theme: 'auto' });
    expect(other.querySelector('[data-preview]')!.getAttribute('data-highlight')).toBe('pending');
    await loadGrammar('python');
    paintPreviewTokens(other, tokenizeCached(code.textContent!, 'python')!);
    expect(code.innerHTML).toBe(other.querySelector('code')!.innerHTML);
  });

  it('is highlighted in place, with the same text, once Shiki has highlighted it', async () => {
    // A quote in a value: the build's tokens do not apply, Shiki highlights at run time.
    const { root, highlight, code } = await paintedChat({ prompt: 'Say "hi"' });
    expect(highlight).toBe('pending');
    const text = code.textContent;
    await loadGrammar('python');
    expect(paintPreviewTokens(root, tokenizeCached(text!, 'python')!)).toBe(true);
    expect(code.textContent).toBe(text);
    expect(code.querySelectorAll('span').length).toBeGreaterThan(20);
    expect((code.querySelector('span') as HTMLElement).style.getPropertyValue('--l')).toMatch(/^#/);
    expect(root.querySelector('[data-preview]')!.getAttribute('data-highlight')).toBe('highlighted');
    removePreview(root);
    expect(root.querySelector('[data-preview]')).toBeNull();
  });
});
