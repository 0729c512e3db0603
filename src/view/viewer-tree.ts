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
  /**
   * Rendered ahead of time, for pages read without JavaScript: every language's panel is in
   * the markup and radio buttons with labels pick one (CSS does the rest), the controls that
   * need a script are disabled. The bundle adopts it and turns it into the live viewer.
   */
  static?: boolean;
}

// Ids are only unique within a viewer: each viewer lives in a shadow root of its own.
export const IDS = {
  title: 'snippet-title',
  panel: 'snippet-panel',
  tab: (lang: string) => `snippet-tab-${lang}`,
  /** In a viewer rendered ahead of time: each language's panel, and the radio button that shows it. */
  staticPanel: (lang: string) => `snippet-panel-${lang}`,
  radio: (lang: string) => `snippet-radio-${lang}`,
} as const;

/** The radio group of a viewer rendered ahead of time (one per shadow root). */
const RADIO_NAME = 'snippet-lang';

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

const tab = (lang: string, label: string, selected: boolean) =>
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
    },
    label,
  );

/** The code of a file: coloured spans, or the text alone. */
const codeOf = (file: SnippetFile, showTokens: boolean) =>
  h('pre', { class: 'pre' }, h('code', { class: 'code' }, ...(showTokens && file.tokens ? tokenChildren(file.tokens) : [file.displayCode])));

/** The live viewer (or, `static`, the same rendered ahead of time): title and tabs, the code, and Docs / Wrap / Show all / Copy. */
export function viewerTree(model: ViewerModel): ViewNode {
  const { snippet, wrap, expanded, copy, theme } = model;
  const ahead = model.static === true;
  // Ahead of time, the buttons need a script: disabled, not dead, until the bundle takes over.
  const disabled = ahead;
  const file = activeFile(snippet, model.lang);
  const tokens = model.showTokens ? file.tokens : null;
  const lines = countLines(file.displayCode);
  const collapsible = lines > COLLAPSED_LINES;
  const highlight = tokens ? 'highlighted' : file.highlight === 'plain' ? 'plain' : 'pending';
  const panel = (f: SnippetFile, attrs: Record<string, string>) =>
    h(
      'div',
      {
        role: 'tabpanel',
        ...attrs,
        // Scrollable by keyboard: the panel is the one tab stop between the tabs and the buttons.
        tabindex: '0',
        class: clsx('panel', countLines(f.displayCode) > COLLAPSED_LINES && !expanded && 'panel-collapsed'),
        'data-wrap': String(wrap),
      },
      codeOf(f, model.showTokens),
    );
  return h(
    'section',
    {
      class: 'viewer',
      'data-theme': theme,
      'data-lang': file.lang,
      'data-highlight': highlight,
      'data-static': ahead,
      'aria-labelledby': IDS.title,
    },
    // Ahead of time, radio buttons before everything they style (CSS's `~` reaches forward only).
    ...(ahead
      ? snippet.files.map((f) =>
          h('input', { type: 'radio', class: 'tab-radio', name: RADIO_NAME, id: IDS.radio(f.lang), value: f.lang, checked: f === file, 'aria-controls': IDS.staticPanel(f.lang) }),
        )
      : []),
    h(
      'header',
      { class: 'header' },
      h('h3', { class: 'title', id: IDS.title }, snippet.title),
      ahead
        ? h(
            'div',
            { class: 'tabs', role: 'presentation' },
            ...snippet.files.map((f) => h('label', { class: 'tab', for: IDS.radio(f.lang), id: IDS.tab(f.lang), 'data-lang': f.lang }, f.label)),
          )
        : h('div', { role: 'tablist', 'aria-labelledby': IDS.title, class: 'tabs' }, ...snippet.files.map((f) => tab(f.lang, f.label, f === file))),
    ),
    ...(ahead
      ? snippet.files.map((f) => panel(f, { id: IDS.staticPanel(f.lang), 'aria-labelledby': IDS.tab(f.lang), 'data-lang': f.lang }))
      : [panel(file, { id: IDS.panel, 'aria-labelledby': IDS.tab(file.lang) })]),
    h(
      'footer',
      { class: 'footer' },
      snippet.docs && h('a', { class: 'link', 'data-action': 'docs', href: snippet.docs, target: '_blank', rel: 'noopener noreferrer' }, icon('docs'), 'Docs'),
      h('span', { class: 'spacer' }),
      h('button', { type: 'button', class: 'button', 'data-action': 'wrap', 'aria-pressed': String(wrap), disabled }, icon('wrap'), 'Wrap'),
      collapsible &&
        h(
          'button',
          { type: 'button', class: 'button', 'data-action': 'expand', 'aria-expanded': String(expanded), 'aria-controls': IDS.panel, disabled },
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
          disabled,
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
 * The rules that make a viewer rendered ahead of time show the panel of the checked radio
 * button, and its label as the active tab: one set per language (CSS cannot match a value).
 */
export function staticTabsCss(langs: readonly string[]): string {
  return langs
    .map((lang) => {
      const radio = `#${IDS.radio(lang)}`;
      return [
        `${radio}:checked ~ .panel[data-lang='${lang}'] { display: block; }`,
        `${radio}:checked ~ .header .tab[data-lang='${lang}'] { color: var(--fg); background: var(--bg); border-color: var(--border); }`,
        `${radio}:focus-visible ~ .header .tab[data-lang='${lang}'] { outline: 2px solid var(--accent); outline-offset: 1px; }`,
      ].join('\n');
    })
    .join('\n');
}

/**
 * What a snippet whose code is slow to come shows, after a few seconds: that it is on its way
 * (the room it will take is kept by bundle.css, and an author's fallback content stays in view).
 */
export function loadingTree(title: string, theme: Theme): ViewNode {
  return h('div', { class: 'loading', role: 'status', 'data-theme': theme }, h('span', { class: 'loading-bar', 'aria-hidden': 'true' }), `Loading “${title}”…`);
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
