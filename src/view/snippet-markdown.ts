import { attributeName } from '../core/resolve-values.ts';
import type { PreparedSnippet, SnippetConfig, SnippetValue } from '../core/types.ts';

/** What a snippet's Markdown page says: the snippet rendered with its defaults, and its config. */
export interface SnippetDoc {
  snippet: PreparedSnippet;
  config: SnippetConfig;
}

// The info string of each language's fence, as Markdown renderers (GitHub, GitBook) name them.
const FENCE_LANGUAGES: Readonly<Record<string, string>> = { py: 'python', js: 'javascript', ts: 'typescript', sh: 'bash', json: 'json' };

/** A fence one backtick longer than any run of backticks in the code, so the code cannot close it. */
function fence(code: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((match) => match[0].length));
  return '`'.repeat(longest + 1);
}

/** Inline code that survives backticks inside it, and a table cell that survives pipes and newlines. */
function inlineCode(text: string): string {
  const ticks = '`'.repeat(Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length)) + 1);
  const padded = /^`|`$/.test(text) ? ` ${text} ` : text;
  return `${ticks}${padded}${ticks}`.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** A default as a table shows it: text as it is, unless it spans lines (then as a JSON string), other values as JSON. */
export const defaultText = (value: SnippetValue): string => (typeof value === 'string' && !/[\r\n]/.test(value) ? value : JSON.stringify(value));

/**
 * A snippet as Markdown, for readers that never run the widget (search engines, AI
 * assistants, "copy as Markdown"): its title, what it does, its variables as `data-*`
 * attributes with their defaults, one fenced block per language with the code its defaults
 * render, and the docs link.
 */
export function snippetMarkdown({ snippet, config }: SnippetDoc): string {
  const secrets = new Set(config.secrets ?? []);
  const lines: string[] = [`# ${snippet.title}`, ''];
  if (config.description) lines.push(config.description, '');
  const facts = [
    config.method && config.path ? `Calls ${inlineCode(`${config.method} ${config.path}`)}.` : '',
    snippet.docs ? `API reference: <${snippet.docs}>.` : '',
    `On a docs page: ${inlineCode(`<snippet data-name="${snippet.name}"></snippet>`)}.`,
  ].filter(Boolean);
  lines.push(facts.join(' '), '');
  const payload = Object.entries(config.payload);
  if (payload.length) {
    lines.push('## Variables', '', '| Attribute | Default | Secret | What it is |', '| --- | --- | --- | --- |');
    for (const [key, value] of payload) {
      lines.push(`| ${inlineCode(attributeName(key))} | ${inlineCode(defaultText(value))} | ${secrets.has(key) ? 'yes' : 'no'} | ${cell(config.variables?.[key] ?? '')} |`);
    }
    lines.push('');
  }
  for (const file of snippet.files) {
    const marks = fence(file.code);
    lines.push(`## ${file.label}`, '', `${marks}${FENCE_LANGUAGES[file.lang] ?? file.lang}`, file.code.replace(/\n$/, ''), marks, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
