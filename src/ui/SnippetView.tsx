import clsx from 'clsx';
import { useEffect, useId, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Check, Copy, CornerDownLeft, ExternalLink, Maximize2, Minimize2 } from 'react-feather';
import { COLLAPSED_LINES, countLines } from '../core/code-lines';
import { pickLanguage } from '../core/languages';
import type { RenderedSnippet } from '../core/types';
import type { Theme } from '../state/page-theme';
import { CodeLines } from './CodeLines';
import { copyShortcut, copyText } from './copy-text';
import { Tabs } from './Tabs';
import { useHighlight, type HighlightStatus } from './use-highlight';
import { useWidget } from './widget-context';

const FEEDBACK_MS = 2000;

interface SnippetViewProps {
  snippet: RenderedSnippet;
  theme: Theme;
  onHighlight(status: HighlightStatus): void;
  onCopy(language: string): void;
}

/** The viewer: title and language tabs, the code, and Copy / Wrap / Expand / Docs. */
export function SnippetView({ snippet, theme, onHighlight, onCopy }: SnippetViewProps) {
  const { preferences } = useWidget();
  const prefs = useSyncExternalStore(preferences.subscribe, preferences.get, preferences.get);
  // The language this viewer shows: when the page-wide choice moves to a language it lacks,
  // it keeps showing this one rather than falling back to its first tab.
  const [shown, setShown] = useState<string | null>(null);
  const [expanded, setExpanded] = useState(false);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const [announcement, setAnnouncement] = useState('');
  const codeRef = useRef<HTMLElement>(null);
  const scratchRef = useRef<HTMLDivElement>(null);
  const baseId = useId();

  const langs = snippet.files.map((file) => file.lang);
  const active = pickLanguage(langs, prefs.lang, shown);
  if (active !== shown) setShown(active);
  const file = snippet.files.find((candidate) => candidate.lang === active) ?? snippet.files[0]!;
  const { lines, status } = useHighlight(file.displayCode, file.lang, file.tokens);
  const lineCount = countLines(file.displayCode);
  const collapsible = lineCount > COLLAPSED_LINES;

  useLayoutEffect(() => onHighlight(status), [status, onHighlight]);

  useEffect(() => {
    if (copyState === 'idle') return;
    const timer = setTimeout(() => {
      setCopyState('idle');
      setAnnouncement('');
    }, FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [copyState]);

  const select = (lang: string) => {
    setShown(lang);
    preferences.set({ lang });
  };

  const copy = async () => {
    const result = await copyText(file.code, { scratch: scratchRef.current!, select: codeRef.current });
    setCopyState(result);
    setAnnouncement(
      result === 'copied' ? `Copied ${file.label} code to the clipboard` : `The code is selected: press ${copyShortcut()} to copy it`,
    );
    if (result === 'copied') onCopy(file.lang);
  };

  const ids = {
    title: `${baseId}-title`,
    panel: `${baseId}-panel`,
    tab: (lang: string) => `${baseId}-tab-${lang}`,
  };

  return (
    <section className="viewer" data-theme={theme} data-lang={active} data-highlight={status} aria-labelledby={ids.title}>
      <header className="header">
        <h3 className="title" id={ids.title}>
          {snippet.title}
        </h3>
        <Tabs
          items={snippet.files.map(({ lang, label }) => ({ value: lang, label }))}
          active={active}
          onSelect={select}
          labelledBy={ids.title}
          tabId={ids.tab}
          panelId={ids.panel}
        />
      </header>
      <div
        role="tabpanel"
        id={ids.panel}
        aria-labelledby={ids.tab(active)}
        // Scrollable by keyboard: the panel is the one tab stop between the tabs and the buttons.
        tabIndex={0}
        className={clsx('panel', collapsible && !expanded && 'panel-collapsed')}
        data-wrap={prefs.wrap ? 'true' : 'false'}
      >
        <pre className="pre">
          <code ref={codeRef} className="code">
            {lines ? <CodeLines lines={lines} /> : file.displayCode}
          </code>
        </pre>
      </div>
      <footer className="footer">
        {snippet.docs && (
          <a className="link" data-action="docs" href={snippet.docs} target="_blank" rel="noopener noreferrer">
            <ExternalLink aria-hidden="true" size={14} />
            Docs
          </a>
        )}
        <span className="spacer" />
        <button
          type="button"
          className="button"
          data-action="wrap"
          aria-pressed={prefs.wrap}
          onClick={() => preferences.set({ wrap: !prefs.wrap })}
        >
          <CornerDownLeft aria-hidden="true" size={14} />
          Wrap
        </button>
        {collapsible && (
          <button
            type="button"
            className="button"
            data-action="expand"
            aria-expanded={expanded}
            aria-controls={ids.panel}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? <Minimize2 aria-hidden="true" size={14} /> : <Maximize2 aria-hidden="true" size={14} />}
            {expanded ? 'Collapse' : `Show all ${lineCount} lines`}
          </button>
        )}
        <button
          type="button"
          className={clsx('button', 'button-primary', copyState === 'copied' && 'button-done')}
          data-action="copy"
          aria-label={copyState === 'copied' ? `Copied ${file.label} code` : `Copy ${file.label} code`}
          onClick={copy}
        >
          {copyState === 'copied' ? <Check aria-hidden="true" size={14} /> : <Copy aria-hidden="true" size={14} />}
          {copyState === 'copied' ? 'Copied' : copyState === 'manual' ? `Press ${copyShortcut()}` : 'Copy'}
        </button>
      </footer>
      <div className="sr-only" data-live aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      <div ref={scratchRef} className="scratch" />
    </section>
  );
}
