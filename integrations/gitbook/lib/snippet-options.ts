import type { BlockSnippet } from './integration-data.ts';

/** A choice of GitBook's `select` element. */
export interface SelectOption {
  id: string;
  label: string;
}

/**
 * The picker's choices: every snippet, grouped (the list is sorted by group, and each label
 * starts with it), with its title and its id, so typing either filters the list.
 */
export function snippetOptions(snippets: readonly BlockSnippet[]): SelectOption[] {
  return snippets.map((snippet) => ({ id: snippet.id, label: `${snippet.group} › ${snippet.title} · ${snippet.id}` }));
}
