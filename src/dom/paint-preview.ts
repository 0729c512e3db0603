import { COLLAPSED_LINES, countLines } from '../core/code-lines';
import type { RenderedSnippet } from '../core/types';
import type { CodeLines } from '../highlight/highlighter';
import { tokenCss } from '../highlight/token-style';
import type { Theme } from '../state/page-theme';

export interface PreviewModel {
  snippet: RenderedSnippet;
  lang: string;
  wrap: boolean;
  theme: Theme;
}

/**
 * Paints a snippet's code before React has loaded, with the same markup and classes as the
 * viewer's first render (src/ui/SnippetView.tsx), so that when the viewer takes over in the
 * same place nothing moves. The code is highlighted if the build's tokens apply to it, else
 * plain until Shiki has highlighted it (`paintPreviewTokens`). Its controls work once the
 * viewer replaces it, a moment later.
 */
export function paintPreview(container: ShadowRoot, { snippet, lang, wrap, theme }: PreviewModel): void {
  const doc = container.ownerDocument;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) => {
    const node = doc.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const file = snippet.files.find((candidate) => candidate.lang === lang) ?? snippet.files[0];
  if (!file) return;

  const viewer = el('section', 'viewer');
  viewer.setAttribute('data-preview', '');
  viewer.setAttribute('data-theme', theme);
  viewer.setAttribute('data-lang', file.lang);
  // The build's tokens, when they apply, colour the code in this very first paint.
  viewer.setAttribute('data-highlight', file.tokens ? 'highlighted' : 'pending');

  const header = el('header', 'header');
  const tabs = el('div', 'tabs');
  for (const { lang: value, label } of snippet.files) {
    tabs.append(el('span', value === file.lang ? 'tab tab-active' : 'tab', label));
  }
  header.append(el('h3', 'title', snippet.title), tabs);

  const lines = countLines(file.displayCode);
  const panel = el('div', lines > COLLAPSED_LINES ? 'panel panel-collapsed' : 'panel');
  panel.setAttribute('data-wrap', String(wrap));
  const pre = el('pre', 'pre');
  const code = el('code', 'code');
  if (file.tokens) code.append(tokenFragment(doc, file.tokens));
  else code.textContent = file.displayCode;
  pre.append(code);
  panel.append(pre);

  const footer = el('footer', 'footer');
  footer.setAttribute('aria-hidden', 'true');
  if (snippet.docs) footer.append(withIcon(el('span', 'link'), 'Docs'));
  footer.append(el('span', 'spacer'), withIcon(el('span', 'button'), 'Wrap'));
  if (lines > COLLAPSED_LINES) footer.append(withIcon(el('span', 'button'), `Show all ${lines} lines`));
  footer.append(withIcon(el('span', 'button button-primary'), 'Copy'));

  viewer.append(header, panel, footer);
  removePreview(container);
  container.append(viewer);
}

/** The 14px icon's room, so the labels sit where the viewer's will. */
function withIcon(node: HTMLElement, label: string): HTMLElement {
  const slot = node.ownerDocument.createElement('span');
  slot.className = 'icon-slot';
  node.append(slot, label);
  return node;
}

/** Swaps the preview's plain code for highlighted tokens of the same text; false if there is no preview. */
export function paintPreviewTokens(container: ShadowRoot, lines: CodeLines): boolean {
  const viewer = [...container.children].find((child) => child.hasAttribute('data-preview'));
  const code = viewer?.querySelector('code');
  if (!viewer || !code) return false;
  code.replaceChildren(tokenFragment(container.ownerDocument, lines));
  viewer.setAttribute('data-highlight', 'highlighted');
  return true;
}

/** Highlighted lines as the viewer renders them (src/ui/CodeLines.tsx): a span per token. */
function tokenFragment(doc: Document, lines: CodeLines): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  lines.forEach((line, i) => {
    if (i > 0) fragment.append('\n');
    for (const token of line) {
      const span = doc.createElement('span');
      span.textContent = token.text;
      for (const [property, value] of tokenCss(token)) span.style.setProperty(property, value);
      fragment.append(span);
    }
  });
  return fragment;
}

/** Removes the preview, if any: the viewer has taken its place. */
export function removePreview(container: ShadowRoot): void {
  // `:scope` matches nothing in a shadow root, hence the walk over its children.
  for (const child of [...container.children]) if (child.hasAttribute('data-preview')) child.remove();
}
