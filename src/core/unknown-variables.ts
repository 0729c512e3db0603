import { closestNames } from './closest-names.ts';
import { attributeName } from './resolve-values.ts';
import type { SnippetConfig } from './types.ts';

/**
 * Explains `data-*` attributes a snippet has no variable for (most often a typo such as
 * `data-modle`), or returns null. The snippet still renders: an extra attribute is harmless,
 * but the author meant something by it.
 */
export function describeUnknownVariables(snippet: string, config: SnippetConfig, keys: readonly string[]): string | null {
  const known = Object.keys(config.payload);
  const unknown = keys.filter((key) => !Object.hasOwn(config.payload, key));
  if (!unknown.length) return null;
  const parts = unknown.map((key) => {
    const near = closestNames(key, known, 1)[0];
    return near ? `${attributeName(key)} (did you mean ${attributeName(near)}?)` : attributeName(key);
  });
  return `${parts.join(', ')} ${unknown.length === 1 ? 'is not a variable' : 'are not variables'} of "${snippet}", and ${
    unknown.length === 1 ? 'is' : 'are'
  } ignored. Its variables: ${known.map(attributeName).join(', ')}.`;
}
