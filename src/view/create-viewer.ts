import { pickLanguage } from '../core/languages.ts';
import type { PreferenceStore } from '../core/services.ts';
import type { PreparedSnippet, Theme } from '../core/types.ts';
import { copyShortcut, copyText } from './copy-text.ts';
import { activeFile, type CopyState, type ViewerModel } from './viewer-tree.ts';

/** How long "Copied" shows before the button says "Copy" again. */
const FEEDBACK_MS = 2000;

// Which way each key moves along the tabs, for left-to-right text; flipped for right to left.
const STEP: Readonly<Record<string, number | 'first' | 'last'>> = { ArrowRight: 1, ArrowLeft: -1, Home: 'first', End: 'last' };

/**
 * One snippet's viewer without its looks: what it shows (a `ViewerModel` for viewer-tree.ts)
 * and what a reader's click or key on its markup does. The first paint (render-dom) and the
 * live viewer (React) both draw its snapshot and hand it their events, so a reader's click
 * does the same in either, and the live viewer takes over with the state as it is.
 */
export interface Viewer {
  getSnapshot(): ViewerModel;
  subscribe(listener: () => void): () => void;
  /** A click or keydown inside the viewer's markup; does what the element it hit stands for. */
  handle(event: Event): void;
  /** A new rendering (values changed, colours arrived) or theme. */
  update(change: { snippet?: PreparedSnippet; theme?: Theme; showTokens?: boolean }): void;
  /** Called by a renderer once the DOM shows `model` (the first paint at once, React after its commit). */
  drawn(model: ViewerModel): void;
  destroy(): void;
}

export interface ViewerOptions {
  snippet: PreparedSnippet;
  theme: Theme;
  showTokens: boolean;
  /** The reader's page-wide choices (language, wrap). */
  preferences: PreferenceStore;
  /** The tab shown while the reader has no page-wide choice (a viewer rendered ahead of time shows one); default the first. */
  lang?: string | null;
  /** Told when the reader copied a tab's code (the host turns it into a `copy` event). */
  onCopy?(language: string): void;
  /** Told once a new rendering is on the page (first drawn, or its code changed): a `render` event. */
  onRendered?(snippet: PreparedSnippet): void;
}

export function createViewer(options: ViewerOptions): Viewer {
  const { preferences } = options;
  let { snippet, theme, showTokens } = options;
  let own: string | null = options.lang ?? null;
  let expanded = false;
  let copy: CopyState = 'idle';
  let announcement = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let snapshot: ViewerModel | null = null;
  let seenPreferences = preferences.get();
  let announced: string | null = null;
  const listeners = new Set<() => void>();

  const changed = () => {
    snapshot = null;
    listeners.forEach((listener) => listener());
  };

  const getSnapshot = (): ViewerModel => {
    const prefs = preferences.get();
    if (snapshot && prefs === seenPreferences) return snapshot;
    seenPreferences = prefs;
    // The page-wide choice wins; when it moves to a language this snippet lacks, it keeps its own.
    const lang = pickLanguage(snippet.files.map((file) => file.lang), prefs.lang, own);
    own = lang;
    snapshot = { snippet, lang, wrap: prefs.wrap, expanded, copy, announcement, theme, showTokens, shortcut: copyShortcut() };
    return snapshot;
  };

  const select = (lang: string) => {
    own = lang;
    snapshot = null;
    preferences.set({ lang });
    changed();
  };

  const doCopy = async (root: Node) => {
    const file = activeFile(snippet, getSnapshot().lang);
    const scope = root as ParentNode;
    const result = await copyText(file.code, { scratch: scope.querySelector('.scratch') ?? root, select: scope.querySelector('code') });
    clearTimeout(timer);
    copy = result;
    announcement = result === 'copied' ? `Copied ${file.label} code to the clipboard` : `The code is selected: press ${copyShortcut()} to copy it`;
    changed();
    if (result === 'copied') options.onCopy?.(file.lang);
    timer = setTimeout(() => {
      copy = 'idle';
      announcement = '';
      changed();
    }, FEEDBACK_MS);
  };

  const onKey = (event: KeyboardEvent, tabs: Element) => {
    const step = STEP[event.key];
    if (step === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const langs = snippet.files.map((file) => file.lang);
    const index = langs.indexOf(getSnapshot().lang);
    const rtl = getComputedStyle(tabs).direction === 'rtl';
    const next = step === 'first' ? 0 : step === 'last' ? langs.length - 1 : (index + (rtl ? -step : step) + langs.length) % langs.length;
    const lang = langs[next];
    if (!lang) return;
    select(lang);
    // Roving focus: the newly selected tab takes it (the first paint has re-rendered by now,
    // the live viewer keeps its elements).
    (tabs.getRootNode() as ParentNode).querySelector<HTMLElement>(`[role="tab"][data-lang="${lang}"]`)?.focus();
  };

  return {
    getSnapshot,
    subscribe(listener) {
      listeners.add(listener);
      const stop = preferences.subscribe(listener);
      return () => {
        listeners.delete(listener);
        stop();
      };
    },
    handle(event) {
      // Not `instanceof Element`: a snippet in a same-origin iframe (`refresh(frame.contentDocument)`)
      // has elements of that frame's realm, and its controls must work too.
      const target = (event.target as Node | null)?.nodeType === 1 ? (event.target as Element) : null;
      const control = target?.closest<HTMLElement>('[role="tab"], [data-action]');
      if (!control || (control as HTMLButtonElement).disabled) return;
      if (event.type === 'keydown') {
        if (control.getAttribute('role') === 'tab' && control.parentElement) onKey(event as KeyboardEvent, control.parentElement);
        return;
      }
      if (event.type !== 'click') return;
      const lang = control.getAttribute('data-lang');
      const action = control.getAttribute('data-action');
      if (control.getAttribute('role') === 'tab' && lang) select(lang);
      else if (action === 'wrap') preferences.set({ wrap: !getSnapshot().wrap });
      else if (action === 'expand') {
        expanded = !expanded;
        changed();
      } else if (action === 'copy') void doCopy(control.getRootNode());
    },
    update(change) {
      snippet = change.snippet ?? snippet;
      theme = change.theme ?? theme;
      showTokens = change.showTokens ?? showTokens;
      changed();
    },
    drawn(model) {
      // Colours arriving, a tab switch, a theme: the same rendering. New code: a new one.
      const rendering = `${model.snippet.name}\0${model.snippet.files.map((file) => file.code).join('\0')}`;
      if (rendering === announced) return;
      announced = rendering;
      options.onRendered?.(model.snippet);
    },
    destroy() {
      clearTimeout(timer);
      listeners.clear();
    },
  };
}
