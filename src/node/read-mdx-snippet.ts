import type { Position } from 'unist';
import { attributeName, readDataset } from '../core/resolve-values.ts';
import type { SnippetValue } from '../core/types.ts';
import { datasetKey, SNIPPET_TAGS } from './read-snippet-element.ts';
import type { SnippetRequest } from './render-request.ts';

// The MDX JSX nodes that reach rehype plugins in an MDX pipeline (mdast-util-mdx-jsx's hast
// forms), as far as this plugin reads and writes them.

/** A JavaScript expression as MDX hands it over: its source, and its estree program. */
export interface MdxExpression {
  type: 'mdxJsxAttributeValueExpression';
  value: string;
  data?: { estree?: EstreeProgram | null | undefined } | undefined;
}

export interface MdxJsxAttribute {
  type: 'mdxJsxAttribute';
  name: string;
  value?: string | MdxExpression | null | undefined;
}

export interface MdxJsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: Array<MdxJsxAttribute | { type: 'mdxJsxExpressionAttribute'; value: string }>;
  children: unknown[];
  position?: Position | undefined;
}

/** The few estree nodes a build-time value may be written as. */
export interface EstreeProgram {
  type: 'Program';
  body: Array<{ type: string; expression?: EstreeNode }>;
  sourceType: 'module' | 'script';
  comments?: unknown[];
}

export type EstreeNode = { type: string; [key: string]: unknown };

// Props of `<Snippet>` that are the element's, not template variables.
const PASSED_THROUGH: readonly string[] = ['id', 'class', 'className'];

/** A JSX snippet the plugin renders: what it asks for, and its attributes to keep on the element. */
export interface MdxSnippet {
  request: SnippetRequest;
  /** The element the pre-render goes into: `snippet` (or `aiml-snippet`, kept as written). */
  tagName: string;
  /** Attributes for that element: as written for `<snippet data-…>`, made from the props of `<Snippet>`. */
  attributes: Record<string, string | null>;
  /** How the author wrote it, for messages. */
  label: string;
}

/** An MDX JSX node that is a snippet; `component` is the name taken for the `<Snippet>` form. */
export function isMdxSnippet(node: { type: string; name?: unknown }, component: string | false): node is MdxJsxElement {
  if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return false;
  return typeof node.name === 'string' && (SNIPPET_TAGS.includes(node.name) || (component !== false && node.name === component));
}

/**
 * Reads a JSX snippet: `<snippet data-name="…" data-model="…">` as the bundle reads an element,
 * or `<Snippet name="…" model="…" />` (every other prop a template variable, `values={{ … }}`
 * too, `theme` and `lang` as for the React component, `id` and `className` kept on the element). Values are rendered at build time, so
 * they must be written out: text, or a literal in braces (`maxTokens={512}`). Throws an Error
 * that names the attribute otherwise.
 */
export function readMdxSnippet(node: MdxJsxElement): MdxSnippet {
  const name = node.name!;
  const component = !SNIPPET_TAGS.includes(name);
  const props = new Map<string, SnippetValue | null>();
  let given: Record<string, SnippetValue> = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') {
      throw new Error(`a spread attribute ({${attribute.value}}) cannot be read at build time. Write each value as an attribute.`);
    }
    if (component && attribute.name === 'values') given = objectValue(attribute);
    else props.set(attribute.name, attributeValue(attribute));
  }

  if (!component) {
    const attributes: Record<string, string | null> = {};
    const dataset: Record<string, string> = {};
    for (const [key, value] of props) {
      attributes[key] = value === null ? null : String(value);
      const datasetName = datasetKey(key);
      if (datasetName !== null) dataset[datasetName] = value === null ? '' : String(value);
    }
    if (dataset.name === undefined) throw new Error(`<${name}> has no data-name: write <${name} data-name="open-ai.chat-completion"></${name}>.`);
    return { request: { name: dataset.name, values: readDataset(dataset), theme: dataset.theme }, tagName: name, attributes, label: `<${name} data-name=${JSON.stringify(dataset.name)}>` };
  }

  const snippetName = props.get('name');
  if (typeof snippetName !== 'string') throw new Error(`<${name}> needs a name: write <${name} name="open-ai.chat-completion" />.`);
  const values: Record<string, SnippetValue> = {};
  let theme: string | undefined;
  let lang: string | undefined;
  const kept: Record<string, string | null> = {};
  for (const [key, value] of props) {
    if (key === 'name') continue;
    // The element's own attributes, as on the React component's host.
    if (PASSED_THROUGH.includes(key)) {
      kept[key] = value === null ? null : String(value);
      continue;
    }
    if (key === 'theme' || key === 'lang') {
      if (typeof value !== 'string') throw new Error(`${key} must be text, e.g. ${key}="${key === 'theme' ? 'dark' : 'py'}".`);
      if (key === 'theme') theme = value;
      else lang = value;
      continue;
    }
    // A bare prop (<Snippet stream />) is true, as in JSX.
    values[key] = value ?? true;
  }
  Object.assign(values, given);
  const attributes: Record<string, string | null> = { 'data-name': snippetName, ...kept };
  for (const [key, value] of Object.entries(values)) attributes[attributeName(key)] = String(value);
  if (theme !== undefined) attributes['data-theme'] = theme;
  return { request: { name: snippetName, values, theme, lang }, tagName: 'snippet', attributes, label: `<${name} name=${JSON.stringify(snippetName)}>` };
}

function attributeValue(attribute: MdxJsxAttribute): SnippetValue | null {
  const { value } = attribute;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  const expression = value.data?.estree?.body[0]?.expression;
  const literal = expression ? literalValue(expression) : undefined;
  if (literal === undefined) {
    throw new Error(`${attribute.name}={${value.value}} is not a value that can be read at build time. Write it out: ${attribute.name}="text", or a number or true/false in braces.`);
  }
  return literal;
}

/** `values={{ model: 'gpt-4o', maxTokens: 512 }}`, as the React component takes them. */
function objectValue(attribute: MdxJsxAttribute): Record<string, SnippetValue> {
  const { value } = attribute;
  const source = typeof value === 'object' && value !== null ? `{${value.value}}` : JSON.stringify(value ?? true);
  const expression = typeof value === 'object' && value !== null ? value.data?.estree?.body[0]?.expression : undefined;
  const fix = `Write each value out: values={{ model: 'gpt-4o', maxTokens: 512 }}.`;
  if (expression?.type !== 'ObjectExpression') throw new Error(`values=${source} is not an object that can be read at build time. ${fix}`);
  const values: Record<string, SnippetValue> = {};
  for (const property of expression.properties as EstreeNode[]) {
    const key = property.key as EstreeNode | undefined;
    const name = key?.type === 'Identifier' ? (key.name as string) : key?.type === 'Literal' ? String(key.value) : undefined;
    const literal = property.type === 'Property' && !property.computed && property.value ? literalValue(property.value as EstreeNode) : undefined;
    if (name === undefined || literal === undefined) throw new Error(`values=${source} holds something that cannot be read at build time. ${fix}`);
    values[name] = literal;
  }
  return values;
}

/** A string, number or boolean literal (a template literal without holes, a negative number). */
function literalValue(node: EstreeNode): SnippetValue | undefined {
  if (node.type === 'Literal' && ['string', 'number', 'boolean'].includes(typeof node.value)) return node.value as SnippetValue;
  if (node.type === 'TemplateLiteral' && (node.expressions as unknown[]).length === 0) {
    return ((node.quasis as Array<{ value: { cooked: string } }>)[0]?.value.cooked ?? '') as string;
  }
  if (node.type === 'UnaryExpression' && node.operator === '-' && (node.argument as EstreeNode).type === 'Literal' && typeof (node.argument as EstreeNode).value === 'number') {
    return -((node.argument as EstreeNode).value as number);
  }
  return undefined;
}
