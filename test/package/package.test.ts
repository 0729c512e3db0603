// @vitest-environment node
// The package as a docs team gets it: `npm pack` (which builds the library through prepack), the
// tarball installed into a fresh project, and each export and the CLI used from there with plain
// Node, React's server renderer and TypeScript, none of them through Vite.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPackage } from '../../scripts/deploy/check-package.mjs';

const exec = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const require = createRequire(join(ROOT, 'package.json'));
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };
/** The version this repository's lockfile has: already in npm's cache, so the install can be offline. */
const installed = (name: string) => `${name}@${lock.packages[`node_modules/${name}`]!.version}`;

let work = '';
let consumer = '';
let files: string[] = [];

async function run(command: string, args: string[], cwd = consumer, timeout = 60_000) {
  try {
    const { stdout, stderr } = await exec(command, args, { cwd, encoding: 'utf8', timeout });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number | string; stdout: string; stderr: string };
    if (typeof code !== 'number') throw error;
    return { code, stdout, stderr };
  }
}

/** Runs an ES module in the consumer project with plain `node`, and returns what it printed as JSON. */
async function node(source: string): Promise<unknown> {
  const file = join(consumer, `script-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, source);
  const { code, stdout, stderr } = await run(process.execPath, [file]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'snippets-package-'));
  // prepack runs `npm run build:lib`, so the tarball holds a fresh build.
  const packed = await exec('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  // The build's own output (which may hold brackets) comes first: the JSON report starts at a line holding only `[`.
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.search(/^\[\s*$/m))) as { filename: string; files: { path: string }[] }[];
  files = info!.files.map((file) => file.path);
  consumer = join(work, 'docs-site');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'docs-site', private: true, type: 'module' }));
  const args = ['install', join(work, info!.filename), ...['react', 'react-dom', '@types/react', 'unified', 'rehype-parse', 'rehype-stringify'].map(installed), '--no-fund', '--no-audit'];
  // From npm's cache when it has every package's metadata; else the registry fills the gaps.
  const offline = await run('npm', [...args, '--offline'], consumer, 150_000);
  if (offline.code !== 0) {
    const online = await run('npm', [...args, '--prefer-offline'], consumer, 150_000);
    expect(online.code, online.stderr).toBe(0);
  }
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('holds the built library, its types, the stylesheet and the README, and nothing of the sources', () => {
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'dist-lib/node/index.js', 'dist-lib/node/rehype.js', 'dist-lib/node/cli.js', 'dist-lib/react/index.js', 'dist-lib/viewer.css', 'dist-lib/types/node/index.d.ts']));
    expect(files.filter((file) => !file.startsWith('dist-lib/') && !['package.json', 'README.md'].includes(file))).toEqual([]);
    // The deploy workflow's own check before `npm publish`.
    expect(checkPackage(ROOT).missing).toEqual([]);
  });

  it('is publishable: npm publish --dry-run accepts it, public and not private', async () => {
    // --loglevel notice: what npm prints is the proof, and `npm run -s` would pass its silence on.
    const { code, stdout, stderr } = await run('npm', ['publish', '--dry-run', '--ignore-scripts', '--access', 'public', '--offline', '--loglevel', 'notice'], ROOT);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^\+ @aimlapi\/snippets@\d+\.\d+\.\d+/m);
    expect(stderr).toContain('with tag latest and public access (dry-run)');
  });

  it('installs only its run-time dependencies, not the build’s', () => {
    const pkg = JSON.parse(readFileSync(join(consumer, 'node_modules/@aimlapi/snippets/package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const present = (name: string) => existsSync(join(consumer, 'node_modules', name, 'package.json'));
    expect(Object.keys(pkg.dependencies).filter((name) => !present(name))).toEqual([]);
    expect(['vite', 'react-feather', 'typescript', 'vitest', '@mdx-js/mdx', 'jsdom'].filter(present)).toEqual([]);
  });

  it('renders a snippet with the Node API under plain node, and throws SnippetError for an unknown name', async () => {
    const result = (await node(`
      import { renderSnippetHtml, SnippetError, viewerCss } from '@aimlapi/snippets/node';
      const html = await renderSnippetHtml('open-ai.chat-completion', { model: 'gpt-4o' }, { lang: 'sh' });
      const error = await renderSnippetHtml('open-ai.chat-completon').catch((error) => error);
      console.log(JSON.stringify({ head: html.slice(0, 140), coloured: (html.match(/class="c5"/g) ?? []).length, model: html.includes('&#x22;gpt-4o&#x22;') || html.includes('"gpt-4o"'), checked: /<input[^>]*value="sh"[^>]*checked/.test(html), css: viewerCss.length, error: [error instanceof SnippetError, error.code, error.message] }));
    `)) as Record<string, unknown>;
    expect(result.head).toMatch(/^<snippet data-name="open-ai\.chat-completion" data-model="gpt-4o"><div data-snippet-root=""><template shadowrootmode="open"><style>/);
    expect(result.coloured).toBeGreaterThan(10);
    expect(result.model).toBe(true);
    expect(result.checked).toBe(true);
    expect(result.css).toBe(readFileSync(join(consumer, 'node_modules/@aimlapi/snippets/dist-lib/viewer.css'), 'utf8').length);
    expect(result.error).toEqual([true, 'unknown-snippet', expect.stringContaining('Did you mean "open-ai.chat-completion"')]);
  });

  it('runs the rehype plugin in a unified pipeline', async () => {
    const result = (await node(`
      import rehypeSnippets from '@aimlapi/snippets/rehype';
      import rehypeParse from 'rehype-parse';
      import rehypeStringify from 'rehype-stringify';
      import { unified } from 'unified';
      const file = await unified().use(rehypeParse, { fragment: true }).use(rehypeSnippets, { stylesheet: { href: '/viewer.css' } }).use(rehypeStringify)
        .process('<h1>Docs</h1><snippet data-name="image.flux" data-prompt="A kite"></snippet>');
      console.log(JSON.stringify({ html: String(file).slice(0, 200) }));
    `)) as { html: string };
    expect(result.html).toMatch(/^<h1>Docs<\/h1><snippet data-name="image\.flux" data-prompt="A kite"><div data-snippet-root=""><template shadowrootmode="open"><link rel="stylesheet" href="\/viewer\.css"><section/);
  });

  it('server-renders the React component to the host the browser then fills', async () => {
    const result = (await node(`
      import { Snippet, SnippetsProvider } from '@aimlapi/snippets/react';
      import { createElement } from 'react';
      import { renderToString } from 'react-dom/server';
      console.log(JSON.stringify(renderToString(createElement(SnippetsProvider, { values: { model: 'gpt-4o' } }, createElement(Snippet, { name: 'open-ai.chat-completion', className: 'sample' })))));
    `)) as string;
    expect(result).toBe('<div class="sample" data-snippet-name="open-ai.chat-completion" data-state="loading"></div>');
  });

  // `npx --no --`: the local bin only (never a download), and every flag after `--` is the CLI's.
  it('runs the CLI through npx: pre-renders a page, and exits 1 naming the file and line of an unknown name', async () => {
    mkdirSync(join(consumer, 'site/docs'), { recursive: true });
    writeFileSync(join(consumer, 'site/index.html'), '<!doctype html>\n<h1>Docs</h1>\n<snippet data-name="open-ai.embedding"></snippet>\n');
    writeFileSync(join(consumer, 'site/docs/bad.html'), '<p>Oops</p>\n<aiml-snippet data-name="open-ai.embeding"></aiml-snippet>\n');
    const help = await run('npx', ['--no', '--', 'aiml-snippets', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: aiml-snippets render');

    const good = await run('npx', ['--no', '--', 'aiml-snippets', 'render', 'site/index.html', '--out', 'public']);
    expect([good.code, good.stderr]).toEqual([0, '']);
    const page = readFileSync(join(consumer, 'public/index.html'), 'utf8');
    expect(page).toMatch(/^<!doctype html>\n<h1>Docs<\/h1>\n<snippet data-name="open-ai\.embedding"><div data-snippet-root=""><template shadowrootmode="open"><style>[^]*<\/template><\/div><\/snippet>\n$/);

    const bad = await run('npx', ['--no', '--', 'aiml-snippets', 'render', 'site']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^site\/docs\/bad\.html:2:1: error: <aiml-snippet data-name="open-ai\.embeding">: No snippet is named "open-ai\.embeding"\. Did you mean "open-ai\.embedding"/);
  });

  it('types every export for a TypeScript project (nodenext, strict, library types checked)', async () => {
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['esnext', 'dom'], jsx: 'react-jsx', noEmit: true, skipLibCheck: false, types: [] }, files: ['check.ts'] }),
    );
    writeFileSync(
      join(consumer, 'check.ts'),
      `import { createStaticRenderer, renderSnippetHtml, SnippetError, type StaticRenderOptions } from '@aimlapi/snippets/node';
import rehypeSnippets, { type RehypeSnippetsOptions } from '@aimlapi/snippets/rehype';
import { Snippet, SnippetsProvider, type SnippetProps } from '@aimlapi/snippets/react';
const options: StaticRenderOptions = { lang: 'py', theme: 'dark', stylesheet: { href: '/viewer.css' } };
export const html: Promise<string> = renderSnippetHtml('open-ai.chat-completion', { model: 'gpt-4o', maxTokens: 64 }, options);
export const tag: Promise<string> = createStaticRenderer().renderHast('image.flux').then((element) => element.tagName);
export const plugin = rehypeSnippets({ lang: 'js', onError: 'warn' } satisfies RehypeSnippetsOptions);
export const props: SnippetProps = { name: 'image.flux', values: { prompt: 'a kite' } };
export { Snippet, SnippetsProvider, SnippetError };
// @ts-expect-error: the options are typed
rehypeSnippets({ onError: 'ignore' });
`,
    );
    const tsc = await run(process.execPath, [join(dirname(require.resolve('typescript/package.json')), 'bin/tsc'), '-p', 'tsconfig.json']);
    expect(tsc.stdout).toBe('');
    expect(tsc.code).toBe(0);
  }, 60_000);
});
