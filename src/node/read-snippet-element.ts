import type { Element } from 'hast';
import { find, html } from 'property-information';
import { readDataset } from '../core/resolve-values.ts';
import type { SnippetRequest } from './render-request.ts';

/** The elements the bundle serves: `<snippet>` and its custom-element twin `<aiml-snippet>`. */
export const SNIPPET_TAGS: readonly string[] = ['snippet', 'aiml-snippet'];

/**
 * What a `<snippet data-name>` element asks for, read as the bundle reads it (through its
 * `dataset`: `data-base-url` → `baseUrl`; `data-name`, `data-state`, `data-theme` reserved).
 * Null for any other element, and for a snippet element without `data-name`, which the bundle
 * ignores too.
 */
export function readSnippetElement(element: Element): SnippetRequest | null {
  if (!SNIPPET_TAGS.includes(element.tagName)) return null;
  const dataset = datasetOf(element);
  if (dataset.name === undefined) return null;
  return { name: dataset.name, values: readDataset(dataset), theme: dataset.theme };
}

/** An element's `dataset`, as the DOM builds it from its `data-*` attributes. */
export function datasetOf(element: Element): Record<string, string> {
  const dataset: Record<string, string> = {};
  for (const [property, value] of Object.entries(element.properties)) {
    if (value === null || value === undefined || value === false) continue;
    const key = datasetKey(find(html, property).attribute);
    if (key !== null) dataset[key] = Array.isArray(value) ? value.join(' ') : value === true ? '' : String(value);
  }
  return dataset;
}

/**
 * The `dataset` key of an attribute name, or null if it is not a `data-*` one: the HTML
 * standard's rule (each `-` followed by a lowercase ASCII letter is dropped and the letter
 * capitalised), so `data-base-url` → `baseUrl` but `data-v-2` → `v-2`.
 */
export function datasetKey(attribute: string): string | null {
  const name = attribute.toLowerCase();
  if (!name.startsWith('data-')) return null;
  return name.slice('data-'.length).replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}
