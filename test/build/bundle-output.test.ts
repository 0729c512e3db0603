import { parse, type Node } from 'acorn';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';

// The production build the tests share (test/support/global-build.ts).
const outDir = inject('distDir');
let files: { path: string; code: string }[];

const listFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );

beforeAll(() => {
  files = listFiles(outDir)
    .filter((path) => path.endsWith('.js'))
    .map((path) => ({ path: relative(outDir, path), code: readFileSync(path, 'utf8') }));
});

/** Every place a program compiles code at run time: what `script-src 'self'` forbids. */
function runtimeCodeGeneration(code: string): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node & Record<string, unknown>;
    const callee = n.callee as (Node & { name?: string; object?: { name?: string }; property?: { name?: string } }) | undefined;
    if ((n.type === 'CallExpression' || n.type === 'NewExpression') && callee) {
      if (callee.type === 'Identifier' && (callee.name === 'eval' || callee.name === 'Function')) found.push(`${callee.name}()`);
      if (callee.type === 'MemberExpression' && callee.object?.name === 'Function') found.push(`Function.${callee.property?.name}()`);
    }
    if (n.type === 'Identifier' && (n as { name?: string }).name === 'WebAssembly') found.push('WebAssembly');
    for (const [key, value] of Object.entries(n)) if (key !== 'loc') visit(value);
  };
  visit(parse(code, { ecmaVersion: 'latest', sourceType: 'module' }));
  return found;
}

describe('the built bundle', () => {
  it('writes bundle.js, bundle.css and lazy chunks', () => {
    const all = listFiles(outDir).map((path) => relative(outDir, path));
    expect(all).toContain('bundle.js');
    expect(all).toContain('bundle.css');
    expect(files.filter((file) => file.path.startsWith('chunks/')).length).toBeGreaterThan(5);
  });

  it('never compiles code at run time: no eval, new Function or WebAssembly in any chunk', () => {
    const offenders = files.map((file) => ({ file: file.path, uses: runtimeCodeGeneration(file.code) })).filter((f) => f.uses.length);
    expect(offenders).toEqual([]);
  });

  it('keeps templates, grammars, Shiki, React and the Handlebars runtime out of the entry chunk', () => {
    const entry = files.find((file) => file.path === 'bundle.js')!.code;
    expect(entry).not.toMatch(/scopeName/); // TextMate grammars
    expect(entry).not.toMatch(/"compiler":\s*\[/); // precompiled Handlebars specs
    expect(entry).not.toMatch(/chat\.completions|api\.aimlapi\.com/); // template text
    expect(entry).not.toMatch(/tokenColors/); // themes
    expect(entry).not.toMatch(/ShikiError|react\.portal/); // Shiki, React
    // Handlebars' runtime assigns to prototypes as it loads: a chunk of its own, fetched alongside the snippets'.
    expect(entry).not.toMatch(/registerHelper/);
  });

  it('puts each snippet folder and each grammar in a chunk of its own', () => {
    const withGrammar = files.filter((file) => /"scopeName":\s*"source\.python"|scopeName:\s*"source\.python"/.test(file.code));
    expect(withGrammar).toHaveLength(1);
    const withChat = files.filter((file) => file.code.includes('chat.completions.create'));
    expect(withChat.length).toBeGreaterThan(0);
    for (const file of withChat) expect(file.code).not.toMatch(/scopeName/);
  });

  it("names the snippets', the highlighter's and the viewer's chunks in the entry, for the page to fetch them ahead", () => {
    const entry = files.find((file) => file.path === 'bundle.js')!.code;
    const urls = [...entry.matchAll(/new URL\("([^"]+)", import\.meta\.url\)/g)].map((match) => match[1]!);
    expect(urls.some((url) => /^chunks\/create-shiki-tokenizer-[\w-]+\.js$/.test(url))).toBe(true);
    expect(urls.some((url) => /^chunks\/python-[\w-]+\.js$/.test(url))).toBe(true);
    expect(urls.some((url) => /^chunks\/live-root-[\w-]+\.js$/.test(url))).toBe(true);
    expect(urls.some((url) => /^chunks\/create-handlebars-renderer-[\w-]+\.js$/.test(url))).toBe(true);
    expect(urls).toContainEqual(expect.stringMatching(/^chunks\/snippet\.open-ai\.chat-completion-[\w-]+\.js$/));
    // Each names a file the build wrote, and the chunk that file is: a snippet's, the renderer, Shiki's, a grammar, React's, or one they import.
    for (const url of urls) expect(files.find((file) => file.path === url), url).toBeDefined();
    // A chunk is listed with every chunk it imports, so fetching ahead fetches all it needs.
    const lists = [...entry.matchAll(/\[(new URL\("[^"]+", import\.meta\.url\)\.href(?:, new URL\("[^"]+", import\.meta\.url\)\.href)*)\]/g)].map((match) =>
      [...match[1]!.matchAll(/new URL\("([^"]+)"/g)].map((url) => url[1]!),
    );
    expect(lists.length).toBeGreaterThan(5);
    for (const [chunk, ...imports] of lists) {
      const code = files.find((file) => file.path === chunk)!.code;
      expect(/scopeName|ShikiError|react\.portal|registerHelper/.test(code), chunk).toBe(true);
      const imported = [...code.matchAll(/from"\.\/([^"]+)"/g)].map((match) => `chunks/${match[1]}`);
      for (const name of imported) expect(imports, `${chunk} imports ${name}`).toContain(name);
    }
    expect(files.filter((file) => /__SNIPPETS_CHUNK_(URL|FILES)__/.test(file.code))).toEqual([]);
  });
});
