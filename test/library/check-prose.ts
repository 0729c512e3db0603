import { editDistance } from '../../src/core/closest-names.ts';
import { attributeName } from '../../src/core/resolve-values.ts';
import type { SnippetConfig, SnippetValues } from '../../src/core/types.ts';

/**
 * The prose of a config: `description` (the summary of the snippet's Markdown page and its
 * line in llms.txt) and `variables` (one phrase per payload key, for its variables table).
 *
 * config.schema.json holds the rules, so that editors flag them too; this explains a broken
 * one to the author, and checks what a schema cannot: that `variables` covers the payload.
 */

// What Markdown may read as markup. `_` is allowed in a variable's phrase, for ids such as
// gen3a_turbo (Markdown ignores it inside a word), never in a description.
const MARKUP = /[`*_<>[\]|\\~]/gu;

const WHAT_TO_WRITE = 'one or two plain sentences saying what the sample does and what it prints or saves';

/**
 * Why `text` is not plain text as the schema wants it, one reason per rule it breaks. A
 * `sentence` (the description) also starts with a capital letter and ends with a period.
 */
export function plainTextFaults(text: string, kind: 'sentence' | 'phrase'): string[] {
  const faults: string[] = [];
  if (/[^\S ]/u.test(text)) faults.push('it holds a line break, a tab or a space other than " "');
  if (/^ | $| {2}/u.test(text)) faults.push('it has a space at one end or two in a row');
  const markup = [...new Set(text.match(MARKUP) ?? [])].filter((c) => kind === 'sentence' || c !== '_');
  if (markup.length > 0) faults.push(`it holds ${markup.map((c) => JSON.stringify(c)).join(', ')}, which Markdown may read as markup: write plain text`);
  if (kind === 'sentence') {
    if (!/^[A-Z]/u.test(text)) faults.push('it does not start with a capital letter');
    if (!text.endsWith('.')) faults.push('it does not end with a period');
  }
  return faults;
}

/**
 * A schema error about the description or a variable's phrase, as the author reads it: what
 * to write when it is missing, the rule it breaks rather than a regular expression, its
 * length. Null for any other error.
 */
export function explainProseError(config: SnippetConfig, error: string): string | null {
  if (error === '(root) must have "description"') return `has no "description": add ${WHAT_TO_WRITE}`;
  const match = /^\/(description|variables\/([^/ ]+)) must (match|not be longer than|not be shorter than) /u.exec(error);
  if (!match) return null;
  const [, , key, rule] = match;
  const field = key === undefined ? 'description' : `variables.${key}`;
  const text = key === undefined ? config.description : config.variables?.[key];
  if (typeof text !== 'string') return null;
  const length = [...text].length;
  if (rule === 'match') {
    const faults = plainTextFaults(text, key === undefined ? 'sentence' : 'phrase');
    return faults.length > 0 ? `${field} is not plain text for the snippet's Markdown page: ${faults.join('; ')}` : null;
  }
  const limit = /(\d+) character/u.exec(error)?.[1];
  if (rule === 'not be longer than') {
    return key === undefined
      ? `description has ${length} characters, more than ${limit}: keep it to ${WHAT_TO_WRITE} (it ships in the snippet's chunk)`
      : `${field} has ${length} characters, more than ${limit}: keep it to a short phrase`;
  }
  return key === undefined ? `description has ${length} characters, fewer than ${limit}: write ${WHAT_TO_WRITE}` : `${field} is empty: say what "${key}" is`;
}

/** What is wrong with `variables` against `payload`; each reason names the snippet, the key and the fix. */
export function checkVariables(id: string, payload: SnippetValues, variables: unknown): string[] {
  const keys = Object.keys(payload);
  if (variables === undefined) {
    return [
      `snippet "${id}" has no "variables": add one short phrase per payload key (${keys.join(', ')}), ` +
        `e.g. "variables": { "${keys[0] ?? 'model'}": "…" }, for its variables table`,
    ];
  }
  if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) return []; // the schema reports it
  const reasons: string[] = [];
  const undescribed = keys.filter((key) => !(key in variables));
  for (const key of undescribed) {
    reasons.push(
      `snippet "${id}": payload.${key} (${attributeName(key)}) has no phrase in "variables": ` +
        `add "${key}": "<what it is, in a few words>" to "variables"`,
    );
  }
  for (const key of Object.keys(variables)) {
    if (key in payload) continue;
    // A typo of a key that has no phrase yet: "modle" for "model".
    const typo = undescribed.find((candidate) => editDistance(key.toLowerCase(), candidate.toLowerCase()) <= 2);
    reasons.push(
      `snippet "${id}": variables.${key} describes no payload key: ` +
        (typo ? `rename it to "${typo}", or remove it` : `remove it, or add "${key}" to payload`),
    );
  }
  return reasons;
}
