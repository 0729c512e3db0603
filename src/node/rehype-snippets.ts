import type { Element, ElementContent, Parents, Root } from 'hast';
import { raw } from 'hast-util-raw';
import { toHtml } from 'hast-util-to-html';
import type { Node } from 'unist';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { createStaticRenderer, type StaticRenderer } from './create-static-renderer.ts';
import { enclosingParagraph } from './enclosing-paragraph.ts';
import { isMdxSnippet, readMdxSnippet, type EstreeProgram, type MdxJsxAttribute, type MdxJsxElement, type MdxSnippet } from './read-mdx-snippet.ts';
import { readSnippetElement } from './read-snippet-element.ts';
import { checkRenderDefaults, renderRequest, type RenderDefaults, type SnippetRequest } from './render-request.ts';

export interface RehypeSnippetsOptions extends RenderDefaults {
  /**
   * What a snippet that cannot be rendered (an unknown name, a bad value) does: `'throw'` (the
   * default) fails the file, so the build stops; `'warn'` leaves the element as written (the
   * bundle will show its notice) and adds a warning to the file.
   */
  onError?: 'throw' | 'warn';
  /** The JSX name of the MDX form `<Snippet name="…" />` (default `Snippet`); `false` leaves JSX of that name alone. */
  component?: string | false;
}

// MDX's own nodes, which a raw parse must carry over untouched.
const MDX_NODES = ['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement'];
const SOURCE = 'rehype-snippets';

type Target = { node: Element; request: SnippetRequest; ancestors: Parents[] } | { node: MdxJsxElement; ancestors: Parents[] };

/**
 * A rehype plugin: every `<snippet data-name>` / `<aiml-snippet data-name>` of the tree, and in
 * MDX every `<Snippet name="…" />`, becomes the pre-rendered viewer (see renderSnippetHtml).
 * An HTML element keeps its attributes and gets the viewer as its content; a JSX one becomes
 * `<snippet data-name … data-*>` with the viewer as its inner HTML (JSX has no declarative
 * shadow root of its own). Problems are messages on the file, at the element's place.
 */
export default function rehypeSnippets(options: RehypeSnippetsOptions = {}) {
  const defaults = checkRenderDefaults(options, (setting) => `rehypeSnippets: the ${setting} option`);
  const onError = options.onError ?? 'throw';
  if (onError !== 'throw' && onError !== 'warn') throw new Error(`rehypeSnippets: the onError option must be 'throw' or 'warn', not ${JSON.stringify(onError)}.`);
  const component = options.component ?? 'Snippet';
  // One renderer for every file of the build: the library and Shiki load once.
  let renderer: StaticRenderer | null = null;

  return async function transform(tree: Root, file: VFile): Promise<Root> {
    // Snippets written as raw HTML in Markdown reach the plugin unparsed (Astro runs its
    // rehype-raw after the site's plugins): the tree is parsed here, so their elements can be
    // found. Their viewers then go back in as raw HTML too, for the pipeline's own rehype-raw
    // (which reads elements' children, not a <template>'s content) or its serializer.
    const rawMode = hasRawSnippet(tree);
    const root = rawMode ? (raw(tree, { file, passThrough: MDX_NODES }) as Root) : tree;
    const targets: Target[] = [];
    visitParents(root, (node, ancestors) => {
      if (node.type === 'element') {
        const request = readSnippetElement(node);
        if (!request) return undefined;
        targets.push({ node, request, ancestors: [...ancestors] });
        return SKIP;
      }
      if (isMdxSnippet(node as Node & { name?: unknown }, component)) {
        targets.push({ node: node as unknown as MdxJsxElement, ancestors: [...ancestors] });
        return SKIP;
      }
      return undefined;
    });
    if (!targets.length) return root;
    renderer ??= createStaticRenderer();

    for (const target of targets) {
      const { node, ancestors } = target;
      const report = (message: string, error?: unknown) => {
        const cause = error instanceof Error ? error : undefined;
        const place = { place: node.position, source: SOURCE, ruleId: cause && 'code' in cause ? String(cause.code) : 'snippet', cause };
        if (onError === 'throw') file.fail(message, place);
        file.message(message, place);
      };
      let snippet: MdxSnippet | null = null;
      let label: string;
      let request: SnippetRequest;
      if ('request' in target) {
        request = target.request;
        label = `<${target.node.tagName} data-name=${JSON.stringify(request.name)}>`;
      } else {
        try {
          snippet = readMdxSnippet(target.node);
        } catch (error) {
          report(`<${target.node.name}>: ${(error as Error).message}`, error);
          continue;
        }
        ({ request, label } = snippet);
      }

      const parent = ancestors.at(-1)!;
      const paragraph = enclosingParagraph(ancestors);
      // Markdown wraps a snippet written on a line of its own in a paragraph: that one goes.
      const unwrap = paragraph !== null && paragraph === parent && paragraph.children.every((child) => child === (node as unknown) || (child.type === 'text' && !child.value.trim()));
      if (paragraph && !unwrap) {
        report(`${label}: is inside a paragraph, which its viewer (a block) would end when the page is parsed. Put it on a line of its own, with a blank line before and after.`);
        continue;
      }

      let mount: Element;
      try {
        mount = await renderRequest(renderer, request, defaults, (message) => file.message(`${label}: ${message}`, { place: node.position, source: SOURCE, ruleId: 'unknown-variable' }));
      } catch (error) {
        report(`${label}: ${error instanceof Error ? error.message : String(error)}`, error);
        continue;
      }

      let replacement: ElementContent;
      if (snippet) {
        replacement = jsxSnippet(snippet, mount, node.position, isAstro(file)) as unknown as ElementContent;
      } else {
        (node as Element).children = rawMode ? [{ type: 'raw', value: serialize(mount) } as unknown as ElementContent] : [mount];
        replacement = node as Element;
      }
      const [host, old] = unwrap ? [ancestors.at(-2)!, paragraph] : [parent, node as unknown as ElementContent];
      const children = host.children as ElementContent[];
      children[children.indexOf(old)] = replacement;
    }
    return root;
  };
}

export { rehypeSnippets };

/**
 * The JSX of a pre-rendered snippet: `<snippet data-…>` with the mount point as inner HTML,
 * which a server render writes as is, so that the browser's parser makes the shadow root (JSX
 * children could not hold the `<template>`'s content). React takes inner HTML as
 * `dangerouslySetInnerHTML={{ __html }}`; Astro's JSX runtime as `set:html`.
 */
function jsxSnippet(snippet: MdxSnippet, mount: Element, position: Node['position'], astro: boolean): MdxJsxElement {
  const html = serialize(mount);
  const attributes: MdxJsxAttribute[] = Object.entries(snippet.attributes).map(([name, value]) => ({ type: 'mdxJsxAttribute', name, value }));
  if (astro) {
    attributes.push({ type: 'mdxJsxAttribute', name: 'set:html', value: html });
    return { type: 'mdxJsxFlowElement', name: snippet.tagName, attributes, children: [], position };
  }
  const estree: EstreeProgram = {
    type: 'Program',
    sourceType: 'module',
    comments: [],
    body: [
      {
        type: 'ExpressionStatement',
        expression: {
          type: 'ObjectExpression',
          properties: [{ type: 'Property', kind: 'init', method: false, shorthand: false, computed: false, key: { type: 'Identifier', name: '__html' }, value: { type: 'Literal', value: html } }],
        },
      },
    ],
  };
  attributes.push({ type: 'mdxJsxAttribute', name: 'dangerouslySetInnerHTML', value: { type: 'mdxJsxAttributeValueExpression', value: `{__html: ${JSON.stringify(html)}}`, data: { estree } } });
  return { type: 'mdxJsxFlowElement', name: snippet.tagName, attributes, children: [], position };
}

/** Astro's pipelines (its Markdown and MDX) give every file `data.astro`, which its plugin docs tell plugins to use. */
function isAstro(file: VFile): boolean {
  return typeof file.data.astro === 'object' && file.data.astro !== null;
}

/** The mount point as HTML. An HTML parser reads a raw carriage return as a line feed: as a character reference it survives. */
function serialize(mount: Element): string {
  return toHtml(mount).replace(/\r/g, '&#13;');
}

/** Whether raw HTML in the tree (a `raw` node, as remark-rehype passes it on) holds a snippet tag. */
function hasRawSnippet(node: { type: string; value?: unknown; children?: unknown[] }): boolean {
  if (node.type === 'raw') return typeof node.value === 'string' && /<(?:aiml-)?snippet[\s/>]/i.test(node.value);
  return (node.children ?? []).some((child) => hasRawSnippet(child as { type: string }));
}
