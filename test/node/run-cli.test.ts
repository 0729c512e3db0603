// The CLI (`aiml-snippets render`) on a small fixture site, run in-process through runCli as the
// bin runs it (test/package/ runs the installed bin itself): what it writes, what it leaves
// alone, what it reports, and its exit status.
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSnippetHtml, type StaticRenderOptions } from '../../src/node/index.ts';
import { runCli } from '../../src/node/run-cli.ts';

const FIXTURE = join(import.meta.dirname, 'fixtures/site');

/** A fresh copy of the fixture site. */
function site(): string {
  const dir = mkdtempSync(join(tmpdir(), 'snippets-cli-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

async function cli(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

/** What the Node API puts inside a `<snippet>`: the mount point and its declarative shadow root. */
async function viewerOf(name: string, values: Record<string, string> = {}, options: StaticRenderOptions = {}): Promise<string> {
  const html = await renderSnippetHtml(name, values, options);
  return html.slice(html.indexOf('<div data-snippet-root'), html.lastIndexOf('</snippet>'));
}

/** `text` with the content of the element that starts with `startTag` replaced. */
function withContent(text: string, startTag: string, endTag: string, content: string): string {
  const start = text.indexOf(startTag);
  expect(start, startTag).toBeGreaterThanOrEqual(0);
  const end = text.indexOf(endTag, start);
  return text.slice(0, start + startTag.length) + content + text.slice(end);
}

const INDEX_SNIPPET = '<snippet data-name="open-ai.chat-completion" data-model="gpt-4o-mini" class="wide">';
const INDEX_CUSTOM = `<aiml-snippet data-name='image.flux' data-prompt="A lighthouse &amp; a &quot;storm&quot;" data-theme="dark">`;

describe('aiml-snippets render', () => {
  it('pre-renders every snippet of a page in place, the Node API’s markup inside the element, and every other byte as it was', async () => {
    const dir = site();
    const before = read(dir, 'index.html');
    const { code, stdout, stderr } = await cli(dir, 'render', 'index.html', 'docs/partial.html');
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toBe('aiml-snippets: 3 snippets pre-rendered in 2 files (2 written).\n');

    let expected = withContent(before, INDEX_SNIPPET, '</snippet>', await viewerOf('open-ai.chat-completion', { model: 'gpt-4o-mini' }));
    expected = withContent(expected, INDEX_CUSTOM, '</aiml-snippet>', await viewerOf('image.flux', { prompt: 'A lighthouse & a "storm"' }, { theme: 'dark' }));
    expect(read(dir, 'index.html')).toBe(expected);
    // The one without data-name is not a snippet, for the bundle either.
    expect(read(dir, 'index.html')).toContain('<snippet>no data-name: not ours, left alone</snippet>');

    // A fragment (an include) stays a fragment: no <html> or <body> added around it.
    const partial = read(dir, 'docs/partial.html');
    expect(partial).toBe(
      withContent(read(FIXTURE, 'docs/partial.html'), '<snippet data-name="open-ai.embedding" data-model="text-embedding-3-small">', '</snippet>', await viewerOf('open-ai.embedding', { model: 'text-embedding-3-small' })),
    );
  });

  it('writes viewers a browser reads back: highlighted code of every tab in a declarative shadow root', async () => {
    const dir = site();
    await cli(dir, 'render', 'index.html', '--lang', 'curl');
    const tree = fromHtml(read(dir, 'index.html'));
    const snippet = findAll(tree, (element) => element.tagName === 'snippet' && element.properties.dataName !== undefined)[0]!;
    // The element and its attributes as written; its fallback content gone.
    expect(snippet.properties).toEqual({ dataName: 'open-ai.chat-completion', dataModel: 'gpt-4o-mini', className: ['wide'] });
    const template = findAll(snippet, (element) => element.tagName === 'template')[0]!;
    expect(template.properties.shadowRootMode).toBe('open');
    const panels = findAll(template, (element) => (element.properties.className as string[] | undefined)?.includes('panel') ?? false);
    expect(panels.map((panel) => panel.properties.dataLang)).toEqual(['py', 'js', 'sh']);
    expect(toText(panels[0]!, { whitespace: 'pre' })).toContain('model="gpt-4o-mini"');
    expect(findAll(template, (element) => (element.properties.className as string[] | undefined)?.includes('c5') ?? false).length).toBeGreaterThan(3);
    // --lang curl: the cURL tab is the one shown first.
    expect(findAll(template, (element) => element.tagName === 'input' && element.properties.checked === true).map((input) => input.properties.value)).toEqual(['sh']);
    expect(JSON.stringify(snippet)).not.toContain('fallback');
  });

  it('reports unknown names and bad values with file:line:column and the fix, renders the rest, and exits 1', async () => {
    const dir = site();
    const before = read(dir, 'docs/errors.html');
    const { code, stdout, stderr } = await cli(dir, 'render', '**/*.html');
    expect(code).toBe(1);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      'docs/errors.html:5:1: error: <snippet data-name="open-ai.chat-completon">: No snippet is named "open-ai.chat-completon". Did you mean "open-ai.chat-completion", "open-ai.chat-completion-o1", "open-ai.chat-completion-code"? The catalogue (catalogue.html, beside bundle.js) lists every name.',
    );
    expect(lines[1]).toBe('docs/errors.html:7:1: error: <snippet data-name="open-ai.chat-completion">: data-max-tokens="lots" is not a number. Write a number, e.g. data-max-tokens="512".');
    // A typo in a variable's name is a warning: the snippet renders (as in the browser), the author hears of it.
    expect(lines[2]).toMatch(/^docs\/errors\.html:8:1: warning: <snippet data-name="open-ai\.embedding">: data-modle \(did you mean data-model\?\) is not a variable of "open-ai\.embedding"/);
    expect(stdout).toBe('aiml-snippets: 4 snippets pre-rendered in 3 files (3 written); 2 errors.\n');

    // The two that failed are left exactly as written, fallback included; the third is rendered.
    const after = read(dir, 'docs/errors.html');
    expect(after).toContain('<snippet data-name="open-ai.chat-completon"><p>fallback one</p></snippet>');
    expect(after).toContain('<snippet data-name="open-ai.chat-completion" data-max-tokens="lots"><p>fallback two</p></snippet>');
    expect(after).toBe(withContent(before, '<snippet data-name="open-ai.embedding" data-modle="text-embedding-3-large">', '</snippet>', await viewerOf('open-ai.embedding', { modle: 'text-embedding-3-large' })));
  });

  it('writes into --out, mirroring the folders under the glob’s fixed part, and leaves the inputs alone', async () => {
    const dir = site();
    const { code } = await cli(dir, 'render', 'index.html', 'docs/*.html', '--out', 'build', '--stylesheet', '/assets/viewer.css');
    expect(code).toBe(1);
    expect(read(dir, 'index.html')).toBe(read(FIXTURE, 'index.html'));
    expect(read(dir, 'docs/partial.html')).toBe(read(FIXTURE, 'docs/partial.html'));
    // index.html was named outright (→ build/index.html); docs/*.html is relative to docs/.
    expect(existsSync(join(dir, 'build/index.html'))).toBe(true);
    expect(existsSync(join(dir, 'build/partial.html'))).toBe(true);
    expect(existsSync(join(dir, 'build/errors.html'))).toBe(true);
    // --stylesheet links viewer.css in every shadow root instead of inlining it.
    const built = read(dir, 'build/index.html');
    expect(built.match(/<link rel="stylesheet" href="\/assets\/viewer.css">/g)).toHaveLength(2);
    expect(built).not.toContain('<style>');

    // A glob that reaches the output folder does not take its pages as inputs.
    const again = await cli(dir, 'render', '**/partial.html', '--out', 'build');
    expect(again.stdout).toContain('1 snippet pre-rendered in 1 file');
    expect(existsSync(join(dir, 'build/build'))).toBe(false);

    // An output folder around the inputs is not a reason to skip them: docs/ rendered into the site's root.
    const around = await cli(dir, 'render', 'docs/partial.html', '--out', '.');
    expect(around.stdout).toContain('1 snippet pre-rendered in 1 file (1 written)');
    expect(read(dir, 'partial.html')).toBe(
      withContent(read(FIXTURE, 'docs/partial.html'), '<snippet data-name="open-ai.embedding" data-model="text-embedding-3-small">', '</snippet>', await viewerOf('open-ai.embedding', { model: 'text-embedding-3-small' })),
    );
  });

  it('replaces an earlier pre-render: a second run changes nothing', async () => {
    const dir = site();
    await cli(dir, 'render', 'index.html');
    const once = read(dir, 'index.html');
    const { code, stdout } = await cli(dir, 'render', 'index.html');
    expect(code).toBe(0);
    expect(read(dir, 'index.html')).toBe(once);
    expect(stdout).toBe('aiml-snippets: 2 snippets pre-rendered in 1 file (0 written).\n');
  });

  it('keeps CRLF line endings and a value’s carriage return (as &#13;, which an HTML parser does not turn into a line feed)', async () => {
    const dir = site();
    const page = '<!doctype html>\r\n<title>CRLF</title>\r\n<p>Before.</p>\r\n<snippet data-name="image.flux" data-base-url="https://one.example&#13;/v1"></snippet>\r\n<p>After.</p>\r\n';
    writeFileSync(join(dir, 'crlf.html'), page);
    expect((await cli(dir, 'render', 'crlf.html')).code).toBe(0);
    const after = read(dir, 'crlf.html');
    expect(after.startsWith('<!doctype html>\r\n<title>CRLF</title>\r\n<p>Before.</p>\r\n<snippet data-name="image.flux" data-base-url="https://one.example&#13;/v1"><div data-snippet-root="">')).toBe(true);
    expect(after.endsWith('</div></snippet>\r\n<p>After.</p>\r\n')).toBe(true);
    expect(after.replace(/\r\n/g, '')).not.toContain('\r');
    const sh = findAll(fromHtml(after), (element) => element.properties.dataLang === 'sh' && (element.properties.className as string[]).includes('panel'))[0]!;
    expect(toText(sh, { whitespace: 'pre' })).toContain("'https://one.example\r/v1/images/generations'");
  });

  it('refuses what it cannot splice safely: a snippet without an end tag, and one inside a <p>', async () => {
    const dir = site();
    writeFileSync(join(dir, 'broken.html'), '<div>\n  <snippet data-name="image.flux" />\n</div>\n<p>Inline <snippet data-name="image.flux"></snippet> here.</p>\n');
    const { code, stderr } = await cli(dir, 'render', 'broken.html');
    expect(code).toBe(1);
    expect(stderr).toBe(
      [
        'broken.html:2:3: error: <snippet data-name="image.flux">: has no end tag, so where its content ends is unknown. Close it: <snippet data-name="…"></snippet> (in HTML, "/>" does not close an element).',
        'broken.html:4:11: error: <snippet data-name="image.flux">: is inside a <p>. The pre-rendered viewer starts with a <div>, which ends a paragraph when the page is parsed. Move the <snippet> out of the <p>.',
        '',
      ].join('\n'),
    );
    expect(read(dir, 'broken.html')).toBe('<div>\n  <snippet data-name="image.flux" />\n</div>\n<p>Inline <snippet data-name="image.flux"></snippet> here.</p>\n');
  });

  it('answers --help, and refuses bad usage with status 2 before writing anything', async () => {
    const dir = site();
    const help = await cli(dir, '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: aiml-snippets render <file\|folder\|glob…> \[options\]/);
    expect(help.stdout).toContain('--stylesheet <url>');

    const cases: [string[], string][] = [
      [[], 'aiml-snippets: no command: write aiml-snippets render <files…>.'],
      [['render'], 'aiml-snippets: render needs the HTML files to render: aiml-snippets render "site/**/*.html".'],
      [['render', 'nothing/*.html'], `aiml-snippets: no HTML file matches "nothing/*.html" (from ${dir}).`],
      [['render', 'index.html', '--lang', 'go'], 'aiml-snippets: --lang "go" is not a language. Use one of py, js, ts, sh, json.'],
      [['render', 'index.html', '--theme', 'sepia'], 'aiml-snippets: --theme "sepia" is not a theme. Use auto, light or dark.'],
      [['render', 'index.html', '--colour'], "aiml-snippets: Unknown option '--colour'"],
      [['render', 'index.html', '--stylesheet', ''], 'aiml-snippets: --stylesheet needs the URL your site serves viewer.css at, e.g. --stylesheet /assets/viewer.css.'],
    ];
    for (const [argv, message] of cases) {
      const result = await cli(dir, ...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr.split('\n')[0], argv.join(' ')).toContain(message);
    }
    expect(read(dir, 'index.html')).toBe(read(FIXTURE, 'index.html'));
  });
});

function findAll(node: { children?: unknown[]; content?: unknown }, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const visit = (current: { type?: string; children?: unknown[]; content?: unknown }) => {
    if (current.type === 'element' && test(current as Element)) found.push(current as Element);
    for (const child of current.children ?? []) visit(child as typeof current);
    if (current.content) visit(current.content as typeof current);
  };
  visit(node as Parameters<typeof visit>[0]);
  return found;
}
