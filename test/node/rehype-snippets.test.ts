// The rehype plugin in real unified pipelines: HTML (rehype-parse → rehype-stringify), Markdown
// as Astro runs it (remark → rehype, the plugin before rehype-raw), and MDX through @mdx-js/mdx,
// run to HTML with React's server renderer.
import { compile, evaluate } from '@mdx-js/mdx';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import * as runtime from 'react/jsx-runtime';
import rehypeParse from 'rehype-parse';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { describe, expect, it } from 'vitest';
import { renderSnippetHtml } from '../../src/node/index.ts';
import rehypeSnippets, { type RehypeSnippetsOptions } from '../../src/node/rehype-snippets.ts';

const html = (options?: RehypeSnippetsOptions) => unified().use(rehypeParse).use(rehypeSnippets, options).use(rehypeStringify);
// @astrojs/markdown-remark's order: user rehype plugins run before rehype-raw.
const astroMarkdown = (options?: RehypeSnippetsOptions) =>
  unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeSnippets, options).use(rehypeRaw).use(rehypeStringify, { allowDangerousHtml: true });

/** What the Node API puts inside a `<snippet>`. */
const inner = (element: string) => element.slice(element.indexOf('<div data-snippet-root'), element.lastIndexOf('</'));

describe('rehypeSnippets', () => {
  it('pre-renders <snippet> and <aiml-snippet> elements in an HTML pipeline: the element kept, the Node API’s viewer inside', async () => {
    const page = '<!doctype html><html><body><h1>Docs</h1><snippet data-name="open-ai.chat-completion" data-model="gpt-4o">fallback</snippet><aiml-snippet data-name="image.flux" class="x"></aiml-snippet></body></html>';
    const output = String(await html({ lang: 'javascript', stylesheet: { href: '/viewer.css' } }).process(page));
    expect(output).toContain(await renderSnippetHtml('open-ai.chat-completion', { model: 'gpt-4o' }, { lang: 'js', stylesheet: { href: '/viewer.css' } }));
    expect(output).toContain(`<aiml-snippet data-name="image.flux" class="x">${inner(await renderSnippetHtml('image.flux', {}, { lang: 'js', stylesheet: { href: '/viewer.css' } }))}</aiml-snippet>`);
    expect(output).not.toContain('fallback');
    expect(output.startsWith('<!doctype html><html><head></head><body><h1>Docs</h1><snippet')).toBe(true);
  });

  it('finds snippets in Markdown’s raw HTML before rehype-raw runs, and lifts one out of the paragraph Markdown wraps it in', async () => {
    const markdown = [
      '# Quickstart',
      '',
      '<snippet data-name="open-ai.chat-completion" data-model="gpt-4o"></snippet>',
      '',
      'Some text.',
      '',
      '<aiml-snippet data-name="image.flux" data-theme="dark">',
      '</aiml-snippet>',
      '',
    ].join('\n');
    const output = String(await astroMarkdown().process(markdown));
    expect(output).toContain(`<h1>Quickstart</h1>\n${await renderSnippetHtml('open-ai.chat-completion', { model: 'gpt-4o' })}\n<p>Some text.</p>`);
    expect(output).toContain(`<aiml-snippet data-name="image.flux" data-theme="dark">${inner(await renderSnippetHtml('image.flux', {}, { theme: 'dark' }))}</aiml-snippet>`);
    // Parsed as a browser parses the page, each viewer is inside its element, and no <p> is around it.
    const tree = fromHtml(output, { fragment: true });
    const snippets = tree.children.filter((node): node is Element => node.type === 'element' && ['snippet', 'aiml-snippet'].includes(node.tagName));
    expect(snippets.map((snippet) => (snippet.children[0] as Element).properties.dataSnippetRoot)).toEqual(['', '']);
    // Raw HTML in, raw HTML out: a pipeline without rehype-raw writes the same page.
    const withoutRaw = unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeSnippets).use(rehypeStringify, { allowDangerousHtml: true });
    expect(String(await withoutRaw.process(markdown))).toBe(output);
  });

  it('fails the file on an unknown name by default, at the element’s place, with the closest names', async () => {
    const error = (await html()
      .process(new VFile({ path: 'docs/intro.html', value: '<p>Intro</p>\n\n<snippet data-name="open-ai.chat-completon"></snippet>' }))
      .catch((caught: unknown) => caught)) as VFileMessage;
    expect(error.fatal).toBe(true);
    expect([error.line, error.column, error.source, error.ruleId]).toEqual([3, 1, 'rehype-snippets', 'unknown-snippet']);
    expect(error.reason).toMatch(/^<snippet data-name="open-ai\.chat-completon">: No snippet is named "open-ai\.chat-completon"\. Did you mean "open-ai\.chat-completion"/);
    expect(error.file).toBe('docs/intro.html');
  });

  it('with onError: warn, leaves a bad snippet as written and warns; a typo in a variable is always a warning', async () => {
    const file = await html({ onError: 'warn' }).process(
      '<snippet data-name="open-ai.chat-completion" data-max-tokens="lots">fallback</snippet>\n<snippet data-name="image.flux" data-promt="A kite"></snippet>\n<p>Inline <snippet data-name="image.flux"></snippet>.</p>',
    );
    expect(file.messages.map((message) => [message.line, message.fatal, message.reason])).toEqual([
      [1, false, '<snippet data-name="open-ai.chat-completion">: data-max-tokens="lots" is not a number. Write a number, e.g. data-max-tokens="512".'],
      [2, false, expect.stringMatching(/^<snippet data-name="image\.flux">: data-promt \(did you mean data-prompt\?\) is not a variable of "image\.flux", and is ignored\./)],
      [3, false, '<snippet data-name="image.flux">: is inside a paragraph, which its viewer (a block) would end when the page is parsed. Put it on a line of its own, with a blank line before and after.'],
    ]);
    const output = String(file);
    expect(output).toContain('<snippet data-name="open-ai.chat-completion" data-max-tokens="lots">fallback</snippet>');
    expect(output).toContain('<snippet data-name="image.flux" data-promt="A kite"><div data-snippet-root="">');
    expect(output).toContain('<p>Inline <snippet data-name="image.flux"></snippet>.</p>');
  });

  it('checks its options when it is set up, naming the option and the values it takes', () => {
    expect(() => rehypeSnippets({ lang: 'go' })).toThrow('rehypeSnippets: the lang option "go" is not a language. Use one of py, js, ts, sh, json.');
    expect(() => rehypeSnippets({ theme: 'sepia' as never })).toThrow('rehypeSnippets: the theme option "sepia" is not a theme. Use auto, light or dark.');
    expect(() => rehypeSnippets({ stylesheet: '/viewer.css' as never })).toThrow(`rehypeSnippets: the stylesheet option must be 'inline' or { href: '<the URL of viewer.css>' }, not "/viewer.css".`);
    expect(() => rehypeSnippets({ onError: 'ignore' as never })).toThrow(`rehypeSnippets: the onError option must be 'throw' or 'warn', not "ignore".`);
  });
});

describe('rehypeSnippets in MDX (@mdx-js/mdx)', () => {
  const page = () => new VFile({ path: join(import.meta.dirname, 'fixtures/page.mdx'), value: readFileSync(join(import.meta.dirname, 'fixtures/page.mdx'), 'utf8') });

  it('compiles <snippet data-name> and <Snippet name> into pre-rendered snippets that React’s server render writes out as the Node API does', async () => {
    const code = String(await compile(page(), { rehypePlugins: [rehypeSnippets] }));
    expect(code.match(/dangerouslySetInnerHTML/g)).toHaveLength(3);
    expect(code).not.toMatch(/\bSnippet\b/);

    const { default: Content } = await evaluate(page(), { ...runtime, rehypePlugins: [rehypeSnippets] });
    const output = renderToString(createElement(Content));
    expect(output).toContain(`<p>The element form, as in HTML:</p>\n${await renderSnippetHtml('open-ai.chat-completion', { model: 'gpt-4o' })}`);
    expect(output).toContain(`<snippet data-name="image.flux" id="kite" data-prompt="A red kite over the sea">${inner(await renderSnippetHtml('image.flux', { prompt: 'A red kite over the sea' }, { lang: 'js' }))}</snippet>`);
    expect(output).toContain(
      `<snippet data-name="open-ai.chat-completion" data-model="gpt-4o-mini" data-max-tokens="64" data-theme="dark">${inner(await renderSnippetHtml('open-ai.chat-completion', { model: 'gpt-4o-mini', maxTokens: 64 }, { theme: 'dark' }))}</snippet>`,
    );
    // No paragraph around them, which the viewers' <div> would break.
    expect(output).not.toMatch(/<p>\s*<snippet/);
  });

  it('gives Astro’s JSX runtime the viewer as set:html, which it writes as is', async () => {
    // A JSX runtime that keeps what it is given, as Astro's gets it (Astro marks its files with data.astro).
    type VNode = { type: unknown; props: Record<string, unknown> };
    const jsx = (type: unknown, props: Record<string, unknown>): VNode => ({ type, props });
    const file = page();
    file.data.astro = { frontmatter: {} };
    const { default: Content } = await evaluate(file, { Fragment: 'fragment', jsx, jsxs: jsx, rehypePlugins: [rehypeSnippets] } as never);
    const children = ((Content as (props: object) => VNode)({}).props.children as VNode[]).filter((child) => typeof child === 'object' && child.type === 'snippet');
    expect(children.map((child) => child.props['data-name'])).toEqual(['open-ai.chat-completion', 'image.flux', 'open-ai.chat-completion']);
    expect(children[1]!.props).toEqual({
      'data-name': 'image.flux',
      id: 'kite',
      'data-prompt': 'A red kite over the sea',
      'set:html': inner(await renderSnippetHtml('image.flux', { prompt: 'A red kite over the sea' }, { lang: 'js' })),
    });
  });

  it('says which prop cannot be read at build time, at its line', async () => {
    const source = '# Page\n\nexport const model = "gpt-4o"\n\n<Snippet name="open-ai.chat-completion" model={model} />\n';
    const error = (await compile(source, { rehypePlugins: [rehypeSnippets] }).catch((caught: unknown) => caught)) as VFileMessage;
    expect(error.line).toBe(5);
    expect(error.reason).toBe('<Snippet>: model={model} is not a value that can be read at build time. Write it out: model="text", or a number or true/false in braces.');
    const inline = (await compile('Run <Snippet name="image.flux" /> now.\n', { rehypePlugins: [rehypeSnippets] }).catch((caught: unknown) => caught)) as VFileMessage;
    expect([inline.line, inline.column]).toEqual([1, 5]);
    expect(inline.reason).toBe('<Snippet name="image.flux">: is inside a paragraph, which its viewer (a block) would end when the page is parsed. Put it on a line of its own, with a blank line before and after.');
    // component: false leaves a <Snippet> of the site's own alone.
    const code = String(await compile(source, { rehypePlugins: [[rehypeSnippets, { component: false }]] }));
    expect(code).toContain('Snippet');
    expect(code).not.toContain('dangerouslySetInnerHTML');
  });
});
