import type { BlockSnippet } from './integration-data.ts';

/** What a block shows: a snippet of the library and the values its author set. */
export interface BlockSettings {
  name: string;
  /** Variable values by name (`model` → `gpt-4o`); every other variable keeps its default. */
  overrides: Record<string, string>;
}

/**
 * The block prop that holds the fence body in Git-synced Markdown (the manifest's
 * `markdown.body`): the plain cURL sample, so the Markdown reads well without GitBook.
 * Every prop but `name` and this one is a variable, as in ```aiml-snippet name="…" model="…".
 */
export const FALLBACK_PROP = 'fallback';

const OWN_PROPS = new Set(['name', FALLBACK_PROP]);

/** Reads a block's props (from the editor or a Markdown fence) as settings. */
export function settingsFromProps(props: Readonly<Record<string, unknown>>): BlockSettings {
  const overrides: Record<string, string> = {};
  for (const [key, value] of Object.entries(props)) {
    if (OWN_PROPS.has(key)) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') overrides[key] = String(value);
  }
  return { name: typeof props.name === 'string' ? props.name.trim() : '', overrides };
}

/** The props a block stores for settings: they are also the attributes of its Markdown fence. */
export function propsFromSettings(settings: BlockSettings, fallback: string): Record<string, string> {
  return { name: settings.name, ...settings.overrides, [FALLBACK_PROP]: fallback };
}

/**
 * The overrides the frame may apply: variables of the snippet, not secrets, not empty.
 * The others are reported by `settingsProblems`.
 */
export function usableOverrides(snippet: BlockSnippet | undefined, overrides: Readonly<Record<string, string>>): Record<string, string> {
  const usable: Record<string, string> = {};
  for (const [key, value] of Object.entries(overrides)) {
    const variable = snippet?.variables.find((v) => v.name === key);
    if (variable && !variable.secret && value !== '') usable[key] = value;
  }
  return usable;
}

/** What is wrong with a block's settings, in words for its author (shown in the editor only). */
export function settingsProblems(settings: BlockSettings, snippets: readonly BlockSnippet[], closest: (name: string) => string[]): string[] {
  const snippet = snippets.find((s) => s.id === settings.name);
  if (!snippet) {
    const near = closest(settings.name);
    return [`"${settings.name}" is not a sample of the library.${near.length ? ` Did you mean ${near.join(', ')}?` : ''} Pick one in the block's settings.`];
  }
  const problems: string[] = [];
  for (const key of Object.keys(settings.overrides)) {
    const variable = snippet.variables.find((v) => v.name === key);
    if (!variable) {
      const names = snippet.variables.filter((v) => !v.secret).map((v) => v.name);
      problems.push(`${key} is not a variable of ${snippet.id}, so it is ignored. Its variables: ${names.join(', ')}.`);
    } else if (variable.secret) {
      problems.push(`${key} is a secret: a docs page always shows its placeholder (readers paste their own), so it is ignored. Remove it.`);
    } else {
      const problem = typeProblem(key, settings.overrides[key]!, variable.default);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

/** A value set as text must read as its default's type, as the widget reads it (resolveValues). Empty keeps the default. */
function typeProblem(key: string, value: string, fallback: string | number | boolean): string | null {
  const text = value.trim();
  if (value === '') return null;
  if (typeof fallback === 'number' && (text === '' || !Number.isFinite(Number(text)))) {
    return `${key} is ${JSON.stringify(value)}, not a number: write a number, e.g. ${fallback}.`;
  }
  if (typeof fallback === 'boolean' && text.toLowerCase() !== 'true' && text.toLowerCase() !== 'false') {
    return `${key} is ${JSON.stringify(value)}, not true or false: write true or false.`;
  }
  return null;
}
