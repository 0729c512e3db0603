// @vitest-environment jsdom
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { SnippetError, SNIPPET_ERROR_CODES } from '../../src/core/snippet-error.ts';
import type { PreparedSnippet, Theme } from '../../src/core/types.ts';
import { renderDom } from '../../src/view/render-dom.ts';
import { renderReact } from '../../src/view/render-react.ts';
import type { ViewNode } from '../../src/view/view-node.ts';
import { loadingTree, noticeTree, viewerTree, type CopyState, type ViewerModel } from '../../src/view/viewer-tree.ts';
import { prepared } from '../support/prepared.ts';

let chat: PreparedSnippet;
let plain: PreparedSnippet;

beforeAll(async () => {
  chat = await prepared('open-ai.chat-completion');
  // A value Shiki must colour at run time: the files come without tokens.
  plain = await prepared('open-ai.embedding', { input: 'Say "hi"' });
});

/** The node drawn by the first paint (DOM) and by React, each as a DOM element to compare. */
function bothWays(node: ViewNode): { dom: Element; react: Element } {
  const dom = renderDom(document, node);
  const holder = document.createElement('div');
  // React's own server markup, parsed back: what React's DOM would hold.
  holder.innerHTML = renderToStaticMarkup(renderReact(node));
  return { dom, react: holder.firstElementChild! };
}

const model = (snippet: PreparedSnippet, change: Partial<ViewerModel> = {}): ViewerModel => ({
  snippet,
  lang: snippet.files[0]!.lang,
  wrap: false,
  expanded: false,
  copy: 'idle',
  announcement: '',
  theme: 'auto',
  showTokens: true,
  shortcut: 'Ctrl+C',
  ...change,
});

describe('one source of markup: the first paint and the live viewer draw the same DOM', () => {
  it('in every state: each tab, wrap, collapsed or not, docs link or not, colours or not; each theme and copy feedback', () => {
    const withoutDocs = { ...chat, docs: null };
    const check = (m: ViewerModel, label: string) => {
      const { dom, react } = bothWays(viewerTree(m));
      expect(dom.isEqualNode(react), label).toBe(true);
    };
    let states = 0;
    for (const snippet of [chat, withoutDocs, plain]) {
      for (const file of snippet.files) {
        for (const wrap of [false, true]) {
          for (const expanded of [false, true]) {
            for (const showTokens of [true, false]) {
              check(model(snippet, { lang: file.lang, wrap, expanded, showTokens }), `${snippet.name} docs=${!!snippet.docs} ${file.lang} wrap=${wrap} expanded=${expanded} tokens=${showTokens}`);
              states++;
            }
          }
        }
      }
    }
    // Theme and copy feedback touch the section and the Copy button only: each value, in each tab.
    for (const file of chat.files) {
      for (const theme of ['auto', 'light', 'dark'] as Theme[]) check(model(chat, { lang: file.lang, theme }), `${file.lang} ${theme}`);
      for (const copy of ['idle', 'copied', 'manual'] as CopyState[]) {
        check(model(chat, { lang: file.lang, copy, announcement: copy === 'copied' ? `Copied ${file.label} code to the clipboard` : '' }), `${file.lang} ${copy}`);
      }
      states += 6;
    }
    expect(states).toBe(3 * 3 * 2 * 2 * 2 + 3 * 6);
  });

  it('for every notice, the status of a slow snippet, and text that looks like markup', () => {
    for (const code of SNIPPET_ERROR_CODES) {
      const { dom, react } = bothWays(noticeTree(new SnippetError(code, 'x.y', `<img src=x onerror=alert(1)> & "${code}"`), 'dark', code === 'load-failed'));
      expect(dom.isEqualNode(react), code).toBe(true);
      expect(dom.querySelector('img')).toBeNull();
      expect(dom.textContent).toContain('<img src=x onerror=alert(1)>');
    }
    const { dom, react } = bothWays(loadingTree('<b>T</b>', 'light'));
    expect(dom.isEqualNode(react)).toBe(true);
    expect(dom.querySelector('b')).toBeNull();
    expect([dom.getAttribute('role'), dom.textContent]).toEqual(['status', 'Loading “<b>T</b>”…']);
  });
});

describe('the viewer’s markup', () => {
  const draw = (change: Partial<ViewerModel> = {}) => renderDom(document, viewerTree(model(chat, change)));

  it('follows the WAI-ARIA tabs pattern: one tab stop, the selected tab names the panel', () => {
    const viewer = draw({ lang: 'js' });
    const tabs = [...viewer.querySelectorAll('[role="tab"]')];
    expect(tabs.map((tab) => [tab.textContent, tab.getAttribute('aria-selected'), tab.getAttribute('tabindex')])).toEqual([
      ['Python', 'false', '-1'],
      ['JavaScript', 'true', '0'],
      ['cURL', 'false', '-1'],
    ]);
    const panel = viewer.querySelector('[role="tabpanel"]')!;
    expect(panel.getAttribute('aria-labelledby')).toBe(tabs[1]!.id);
    expect(tabs.every((tab) => tab.getAttribute('aria-controls') === panel.id)).toBe(true);
    expect(viewer.querySelector('[role="tablist"]')!.getAttribute('aria-labelledby')).toBe(viewer.querySelector('.title')!.id);
  });

  it('shows the code as coloured spans whose text is exactly the code, or as plain text', () => {
    const file = chat.files[0]!;
    const coloured = draw().querySelector('code')!;
    expect(coloured.textContent).toBe(file.displayCode);
    expect(coloured.querySelectorAll('span[class^="c"]').length).toBeGreaterThan(20);
    const bare = draw({ showTokens: false });
    expect(bare.querySelector('code')!.childNodes).toHaveLength(1);
    expect(bare.getAttribute('data-highlight')).toBe('pending');
  });

  it('bounds long code with a button that names the line count, and lets it out', () => {
    const collapsed = draw();
    expect(collapsed.querySelector('.panel')!.classList.contains('panel-collapsed')).toBe(true);
    expect(collapsed.querySelector('[data-action="expand"]')!.textContent).toMatch(/^Show all \d+ lines$/);
    const expanded = draw({ expanded: true });
    expect(expanded.querySelector('.panel')!.classList.contains('panel-collapsed')).toBe(false);
    expect(expanded.querySelector('[data-action="expand"]')!.getAttribute('aria-expanded')).toBe('true');
  });

  it('says Copied, and to press the shortcut, on the Copy button and its label', () => {
    expect(draw({ copy: 'copied' }).querySelector('[data-action="copy"]')!.getAttribute('aria-label')).toBe('Copied Python code');
    expect(draw({ copy: 'manual' }).querySelector('[data-action="copy"]')!.textContent).toBe('Press Ctrl+C');
  });

  it('links the docs only when the snippet has a docs page, in a new tab without an opener', () => {
    const link = draw().querySelector('a[data-action="docs"]')!;
    expect(link.getAttribute('href')).toBe(chat.docs);
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(renderDom(document, viewerTree(model({ ...chat, docs: null }))).querySelector('a')).toBeNull();
  });

  it('rendered ahead of time, disables the buttons that need a script, and keeps every language reachable', () => {
    const ahead = draw({ static: true });
    expect([...ahead.querySelectorAll('button')].every((button) => (button as HTMLButtonElement).disabled)).toBe(true);
    expect([...ahead.querySelectorAll('input[type=radio]')].map((radio) => (radio as HTMLInputElement).value)).toEqual(chat.files.map((file) => file.lang));
    expect(ahead.querySelectorAll('[role=tabpanel]')).toHaveLength(chat.files.length);
  });
});
