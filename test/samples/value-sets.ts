import { extname } from 'node:path';
import type { SnippetValue, SnippetValues } from '../../src/core/types';
import { hostileValue } from '../library/hostile-values';

/**
 * Variables the check sets itself in every run: where the API is, the run's key, and a short
 * pause between polls. File-name variables follow a naming rule (docs/authoring.md): `…File`
 * names a file the program writes, `…Path` one it reads (the check creates it beforehand).
 */
export const RUN_VARIABLES = ['baseUrl', 'apiKey', 'pollSeconds'] as const;
export const isOutputFile = (key: string): boolean => /File$/.test(key);
export const isInputFile = (key: string): boolean => /Path$/.test(key);

/** One set of values every tab of a snippet runs with. */
export interface ValueSet {
  name: 'defaults' | 'hostile text' | 'ids with /' | 'trailing-slash base URL';
  /** Overrides of the snippet's defaults, or null when the set changes nothing for this snippet. */
  overrides(defaults: SnippetValues): Record<string, SnippetValue> | null;
  /** Whether the base URL ends with a slash. */
  trailingSlash?: boolean;
}

const stringKeys = (defaults: SnippetValues) =>
  Object.keys(defaults).filter((key) => typeof defaults[key] === 'string' && !(RUN_VARIABLES as readonly string[]).includes(key));

/** A file name a reader may well use: spaces, a quote, and the "," and ";" that curl's --form parses. */
export const hostileFileName = (fallback: string): string => `it's my file, take 2; final${extname(fallback)}`;

/** An id as APIs make them, with the characters that need encoding in a URL: "/", "+", "&", "=", "?", "#", "%", a space. */
export const idWithSlashes = (fallback: string): string => `${fallback}/2025/06:a+b c&d=e?f#g%2Fh`;

const isIdLike = (key: string) => /Id$|Model$|^model$|^refer[A-Z]/.test(key);

export const VALUE_SETS: readonly ValueSet[] = [
  { name: 'defaults', overrides: () => ({}) },
  {
    // The library check's hostile text, in every text variable: it must reach the API intact.
    name: 'hostile text',
    overrides: (defaults) => {
      const keys = stringKeys(defaults);
      if (keys.length === 0) return null;
      return Object.fromEntries(keys.map((key) => [key, isOutputFile(key) || isInputFile(key) ? hostileFileName(String(defaults[key])) : hostileValue(key)]));
    },
  },
  {
    name: 'ids with /',
    overrides: (defaults) => {
      const keys = stringKeys(defaults).filter(isIdLike);
      return keys.length ? Object.fromEntries(keys.map((key) => [key, idWithSlashes(String(defaults[key]))])) : null;
    },
  },
  { name: 'trailing-slash base URL', overrides: () => ({}), trailingSlash: true },
];
