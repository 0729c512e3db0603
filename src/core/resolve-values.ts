import { LIMITS } from './limits.ts';
import { quoteForMessage } from './quote-for-message.ts';
import { SnippetError } from './snippet-error.ts';
import type { SnippetConfig, SnippetValue, SnippetValues } from './types.ts';

/** `dataset` keys the widget owns (the snippet's name, its state, its theme): never template variables. */
export const RESERVED_KEYS: readonly string[] = ['name', 'state', 'theme'];

/** `baseUrl` → `data-base-url`, for messages that name the attribute an author wrote. */
export function attributeName(key: string): string {
  return `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Reads an element's variables: every `data-*` attribute but the reserved ones. */
export function readDataset(dataset: DOMStringMap): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(dataset)) {
    if (value !== undefined && !RESERVED_KEYS.includes(key)) values[key] = value;
  }
  return values;
}

/** Where a set of values came from, so a message can name what the author wrote. */
export type ValueSource = 'attribute' | 'setPayload' | 'values';

/** Values from one source: `data-*` attributes, `Snippets.setPayload`, or a component's `values`. */
export interface ValueLayer {
  source: ValueSource;
  values: Readonly<Record<string, SnippetValue>>;
}

/** How the author wrote `key = value` in `source`, e.g. `data-max-tokens="lots"`. */
export function describeValue(source: ValueSource, key: string, value: SnippetValue): string {
  if (source === 'attribute') return `${attributeName(key)}=${quoteForMessage(String(value))}`;
  const literal = typeof value === 'string' ? quoteForMessage(value) : String(value);
  return source === 'setPayload' ? `setPayload({ ${key}: ${literal} })` : `values.${key} = ${literal}`;
}

/**
 * Merges variables, lowest precedence first: `config.json` defaults, then each layer in
 * order (page-wide values, then the element's own). A value given as text takes the type of
 * its default, so `data-max-tokens="512"` lands in the program as the number 512.
 */
export function resolveValues(snippet: string, config: SnippetConfig, ...layers: readonly ValueLayer[]): SnippetValues {
  const values: SnippetValues = { ...config.payload };
  for (const { source, values: given } of layers) {
    for (const [key, value] of Object.entries(given)) {
      if (RESERVED_KEYS.includes(key)) continue;
      values[key] = coerce(snippet, source, key, value, config.payload[key]);
    }
  }
  return values;
}

function coerce(snippet: string, source: ValueSource, key: string, value: SnippetValue, fallback: SnippetValue | undefined): SnippetValue {
  if (typeof fallback === 'number') {
    const number = typeof value === 'number' ? value : Number(String(value).trim());
    if (String(value).trim() === '' || !Number.isFinite(number)) {
      throw new SnippetError(
        'bad-value',
        snippet,
        `${describeValue(source, key, value)} is not a number. Write a number, e.g. ${describeValue(source, key, fallback)}.`,
      );
    }
    return number;
  }
  if (typeof fallback === 'boolean') {
    if (typeof value === 'boolean') return value;
    const text = String(value).trim().toLowerCase();
    if (text === 'true' || text === 'false') return text === 'true';
    throw new SnippetError(
      'bad-value',
      snippet,
      `${describeValue(source, key, value)} is not true or false. Write ${describeValue(source, key, true)} or ${source === 'attribute' ? '"false"' : 'false'}.`,
    );
  }
  const text = typeof value === 'string' ? value : String(value);
  if (text.length > LIMITS.valueChars) {
    throw new SnippetError(
      'bad-value',
      snippet,
      `${describeValue(source, key, text)} is too long: a value may hold at most ${LIMITS.valueChars.toLocaleString('en-US')} characters. Shorten it; a sample needs a representative value.`,
    );
  }
  return text;
}
