import clsx from 'clsx';
import { COLLAPSED_LINES, countLines } from '../core/count-lines.ts';
import { tokenClass } from '../core/formats/token-colors.ts';
import type { SnippetError, SnippetErrorCode } from '../core/snippet-error.ts';
import type { PreparedSnippet, SnippetFile, Theme, TokenLines } from '../core/types.ts';
import { icon } from './icons.ts';
import { h, type ViewChild, type ViewNode } from './view-node.ts';

/**
 * The one source of the viewer's markup: class names, labels, ARIA and ids live here and
 * nowhere else. The first paint, the live (React) viewer and pre-rendered HTML all draw it.
 */

/** What copying last did: nothing lately, copied, or selected the code for the reader to copy. */
export type CopyState = 'idle' | 'copied' | 'manual';

/** Everything the viewer shows, as data. */
export interface ViewerModel {
  snippet: PreparedSnippet;
  /** The active tab's language. */
  lang: string;
  wrap: boolean;
  expanded: boolean;
  copy: CopyState;
  /** The polite live region's text ("Copied Python code …"). */
  announcement: string;
  theme: Theme;
  /** Colours shown when the file has them; off, the code is plain text (far off-screen, it is cheaper). */
  showTokens: boolean;
  /** "Ctrl+C" or "⌘+C", for the manual-copy hint. */
  shortcut: string;
  /** Still on its way (a skeleton of the right size): its controls are disabled, not dead. */
  busy?: boolean;
}

// Ids are only unique within a viewer: each viewer lives in a shadow root of its own.
export const IDS = {
  title: 'snippet-title',
  panel: 'snippet-panel',
  tab: (lang: string) => `snippet-tab-${lang}`,
} as const;

/** The active file: the one of `lang`, else the first. */
export function activeFile(snippet: PreparedSnippet, lang: string): SnippetFile {
  return snippet.files.find((file) => file.lang === lang) ?? snippet.files[0]!;
}

/** Tokens as children of a `code` element: a span per coloured token, plain runs as text. */
export function tokenChildren(lines: TokenLines): ViewChild[] {
  const children: ViewChild[] = [];
  let text = '';
  lines.forEach((line, i) => {
    if (i > 0) text += '\n';
    for (const token of line) {
      const className = tokenClass(token);
      if (!className) {
        text += token.text;
        continue;
      }
      if (text) children.push(text);
      text = '';
      children.push(h('span', { class: className }, token.text));
    }
  });
  if (text) children.push(text);
  return children;
}

const tab = (lang: string, label: string, selected: boolean, disabled: boolean) =>
  h(
    'button',
    {
      type: 'button',
      role: 'tab',
      id: IDS.tab(lang),
      'data-lang': lang,
      'data-state': selected ? 'active' : 'inactive',
      'aria-selected': String(selected),
      'aria-controls': IDS.panel,
      tabindex: selected ? '0' : '-1',
      class: clsx('tab', selected && 'tab-active'),
      disabled,
    },
    label,
  );

/** The live viewer: title and tabs, the code, and Docs / Wrap / Show all / Copy. */
export function viewerTree(model: ViewerModel): ViewNode {
  const { snippet, wrap, expanded, copy, theme } = model;
  const busy = model.busy === true;
  const file = activeFile(snippet, model.lang);
  const tokens = model.showTokens ? file.tokens : null;
  const lines = countLines(file.displayCode);
  const collapsible = lines > COLLAPSED_LINES;
  const highlight = tokens ? 'highlighted' : file.highlight === 'plain' ? 'plain' : 'pending';
  return h(
    'section',
    { class: 'viewer', 'data-theme': theme, 'data-lang': file.lang, 'data-highlight': highlight, 'aria-labelledby': IDS.title, 'aria-busy': busy && 'true' },
    h(
      'header',
      { class: 'header' },
      h('h3', { class: 'title', id: IDS.title }, snippet.title),
      h('div', { role: 'tablist', 'aria-labelledby': IDS.title, class: 'tabs' }, ...snippet.files.map((f) => tab(f.lang, f.label, f === file, busy))),
    ),
    h(
      'div',
      {
        role: 'tabpanel',
        id: IDS.panel,
        'aria-labelledby': IDS.tab(file.lang),
        // Scrollable by keyboard: the panel is the one tab stop between the tabs and the buttons.
        tabindex: '0',
        class: clsx('panel', collapsible && !expanded && 'panel-collapsed'),
        'data-wrap': String(wrap),
      },
      h('pre', { class: 'pre' }, h('code', { class: 'code' }, ...(tokens ? tokenChildren(tokens) : [file.displayCode]))),
    ),
    h(
      'footer',
      { class: 'footer' },
      snippet.docs && h('a', { class: 'link', 'data-action': 'docs', href: snippet.docs, target: '_blank', rel: 'noopener noreferrer' }, icon('docs'), 'Docs'),
      h('span', { class: 'spacer' }),
      h('button', { type: 'button', class: 'button', 'data-action': 'wrap', 'aria-pressed': String(wrap), disabled: busy }, icon('wrap'), 'Wrap'),
      collapsible &&
        h(
          'button',
          { type: 'button', class: 'button', 'data-action': 'expand', 'aria-expanded': String(expanded), 'aria-controls': IDS.panel, disabled: busy },
          icon(expanded ? 'collapse' : 'expand'),
          expanded ? 'Collapse' : `Show all ${lines} lines`,
        ),
      h(
        'button',
        {
          type: 'button',
          class: clsx('button', 'button-primary', copy === 'copied' && 'button-done'),
          'data-action': 'copy',
          'aria-label': `${copy === 'copied' ? 'Copied' : 'Copy'} ${file.label} code`,
          disabled: busy,
        },
        icon(copy === 'copied' ? 'copied' : 'copy'),
        copy === 'copied' ? 'Copied' : copy === 'manual' ? `Press ${model.shortcut}` : 'Copy',
      ),
    ),
    h('div', { class: 'sr-only', 'data-live': '', 'aria-live': 'polite', 'aria-atomic': 'true' }, model.announcement),
    h('div', { class: 'scratch' }),
  );
}

/**
 * A viewer of the right size for a snippet still loading, from what the entry knows of it
 * (title, languages, line counts): the page keeps its room, and nothing moves when the code
 * arrives. Its controls are disabled until then.
 */
export function skeletonTree(skeleton: { title: string; languages: readonly { lang: string; label: string; lines: number }[] }, lang: string, theme: Theme, wrap: boolean): ViewNode {
  const files: SnippetFile[] = skeleton.languages.map(({ lang: value, label, lines }) => ({
    lang: value,
    label,
    // A space per line: an empty last line would not take room.
    code: '',
    displayCode: Array.from({ length: Math.max(1, lines) }, () => ' ').join('\n'),
    tokens: null,
    highlight: 'pending',
  }));
  const snippet: PreparedSnippet = { name: '', title: skeleton.title, docs: null, files };
  return viewerTree({ snippet, lang, wrap, expanded: false, copy: 'idle', announcement: '', theme, showTokens: false, shortcut: '', busy: true });
}

const HEADINGS: Record<SnippetErrorCode, string> = {
  'unknown-snippet': 'Unknown snippet',
  'invalid-name': 'Invalid snippet name',
  'bad-value': 'Invalid snippet value',
  'load-failed': 'Snippet could not load',
  'render-failed': 'Snippet could not render',
  'highlight-failed': 'Snippet could not be highlighted',
};

/** A readable notice in place of a viewer: what went wrong and how to fix it, with a Retry where one can help. */
export function noticeTree(error: SnippetError, theme: Theme, retry = false): ViewNode {
  return h(
    'div',
    { class: 'notice', role: 'alert', 'data-code': error.code, 'data-theme': theme },
    icon('alert'),
    h(
      'div',
      { class: 'notice-body' },
      h('p', { class: 'notice-title' }, HEADINGS[error.code]),
      h('p', { class: 'notice-text' }, error.message),
      retry && h('button', { type: 'button', class: 'button', 'data-action': 'retry' }, 'Retry'),
    ),
  );
}
