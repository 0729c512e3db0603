import { grammarOf, languageLabel } from '../core/languages.ts';
import { safeUrl } from '../core/safe-url.ts';
import type { PreparedSnippet, SnippetFile, Token, TokenLines } from '../core/types.ts';

const FONT_STYLES: Readonly<Record<string, number>> = { fi: 1, fb: 2, fu: 4 };

/** A code element's coloured spans back into tokens (the inverse of `tokenChildren`). */
function readTokens(code: Element): TokenLines {
  const lines: TokenLines = [[]];
  const push = (text: string, style: Omit<Token, 'text'>) => {
    text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1]!.push({ text: part, ...style });
    });
  };
  for (const node of code.childNodes) {
    if (node.nodeType === 3) push(node.nodeValue ?? '', {});
    else if (node.nodeType === 1) {
      const style: Omit<Token, 'text'> = {};
      let fontStyle = 0;
      for (const name of (node as Element).classList) {
        const colour = /^c(\d+)$/.exec(name);
        if (colour) style.color = Number(colour[1]);
        fontStyle |= FONT_STYLES[name] ?? 0;
      }
      if (fontStyle) style.fontStyle = fontStyle;
      push(node.textContent ?? '', style);
    }
  }
  return lines;
}

/** What a viewer rendered ahead of time shows: its snippet, and the tab that is open. */
export interface StaticViewer {
  snippet: PreparedSnippet;
  lang: string;
}

/**
 * The snippet a viewer rendered ahead of time shows (viewerTree's `static` markup), read back
 * from that markup, so the bundle can take it over without fetching the snippet again; null
 * when `viewer` is not such markup.
 */
export function readStaticViewer(viewer: Element, name: string): StaticViewer | null {
  if (!viewer.matches('.viewer[data-static]')) return null;
  const panels = [...viewer.querySelectorAll<HTMLElement>('.panel[data-lang]')];
  const tabs = [...viewer.querySelectorAll('.tab[data-lang]')];
  if (!panels.length) return null;
  const files: SnippetFile[] = panels.map((panel) => {
    const lang = panel.getAttribute('data-lang')!;
    const code = panel.querySelector('code');
    const text = code?.textContent ?? '';
    const coloured = !!code?.querySelector('span');
    return {
      lang,
      label: tabs.find((tab) => tab.getAttribute('data-lang') === lang)?.textContent ?? languageLabel(lang),
      code: text,
      displayCode: text,
      tokens: coloured && code ? readTokens(code) : null,
      highlight: coloured ? 'highlighted' : grammarOf(lang) ? 'pending' : 'plain',
    };
  });
  const checked = viewer.querySelector<HTMLInputElement>('input.tab-radio:checked')?.value;
  return {
    snippet: {
      name,
      title: viewer.querySelector('.title')?.textContent ?? name,
      docs: safeUrl(viewer.querySelector('a[data-action="docs"]')?.getAttribute('href')),
      files,
    },
    lang: checked && files.some((file) => file.lang === checked) ? checked : files[0]!.lang,
  };
}
