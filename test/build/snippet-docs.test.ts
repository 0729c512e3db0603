import type { Code, Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { markdownPath } from '../../build/snippet-docs.ts';
import { attributeName } from '../../src/core/resolve-values.ts';
import { defaultText, snippetMarkdown } from '../../src/view/snippet-markdown.ts';
import { index, loadChunk, renderWith } from '../support/library.ts';

const dist = inject('distDir');
const parse = (markdown: string): Root => fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
type Node = { children?: unknown[]; value?: string };
const text = (node: unknown): string => (node as Node).value ?? ((node as Node).children ?? []).map(text).join('');

describe('the Markdown page of every snippet', () => {
  it('has its title, its variables and, per language, its code exactly as its defaults render it', async () => {
    for (const id of index.ids) {
      const chunk = await loadChunk(id);
      const file = join(dist, markdownPath(id));
      expect(existsSync(file), file).toBe(true);
      const tree = parse(readFileSync(file, 'utf8'));
      const heading = tree.children.find((node) => node.type === 'heading' && node.depth === 1);
      expect(heading && text(heading), id).toBe(chunk.config.title);

      const rendered = renderWith(chunk);
      const blocks = tree.children.filter((node): node is Code => node.type === 'code');
      expect(blocks.map((block) => `${block.lang}\n${block.value}\n`), id).toEqual(
        rendered.map((f) => `${{ py: 'python', js: 'javascript', sh: 'bash' }[f.lang] ?? f.lang}\n${f.code.replace(/\n$/, '')}\n`),
      );

      const table = tree.children.find((node): node is Table => node.type === 'table')!;
      const rows = table.children.slice(1).map((row) => row.children.map((cell) => text(cell)));
      expect(rows.map(([attribute]) => attribute), id).toEqual(Object.keys(chunk.config.payload).map(attributeName));
      expect(rows.map((row) => row[1]), id).toEqual(Object.values(chunk.config.payload).map(defaultText));
      expect(rows.filter((row) => row[2] === 'yes').map(([attribute]) => attribute)).toEqual((chunk.config.secrets ?? []).map(attributeName));
    }
  });

  it('shows a default that spans lines as a JSON string', () => {
    expect(defaultText('one\ntwo')).toBe('"one\\ntwo"');
    expect(defaultText('plain')).toBe('plain');
    expect(defaultText(512)).toBe('512');
  });

  it('keeps code with backticks and values with pipes intact', () => {
    const markdown = snippetMarkdown({
      snippet: { name: 'x.y', title: 'T', docs: null, files: [{ lang: 'sh', label: 'cURL', code: 'echo ```\n', displayCode: 'echo ```\n', tokens: null, highlight: 'pending' }] },
      config: { title: 'T', payload: { prompt: 'a | b `c`' } },
    });
    const tree = parse(markdown);
    expect((tree.children.find((node) => node.type === 'code') as Code).value).toBe('echo ```');
    const table = tree.children.find((node): node is Table => node.type === 'table')!;
    expect(text(table.children[1]!.children[1]!)).toBe('a | b `c`');
  });
});

describe('llms.txt', () => {
  it('lists every snippet’s page under its group, and each link names a page the build wrote', () => {
    const llms = readFileSync(join(dist, 'llms.txt'), 'utf8');
    const tree = parse(llms);
    expect(tree.children[0]).toMatchObject({ type: 'heading', depth: 1 });
    expect(tree.children.some((node) => node.type === 'blockquote')).toBe(true);
    const links = [...llms.matchAll(/^- \[([^\]]+)\]\(([^)]+)\)/gm)].map((match) => match[2]!);
    expect(links).toHaveLength(index.ids.length);
    for (const link of links) expect(existsSync(join(dist, link)), link).toBe(true);
    const groups = new Set(index.ids.map((id: string) => id.split('.')[0]));
    expect(tree.children.filter((node) => node.type === 'heading' && node.depth === 2).map((node) => text(node))).toEqual([...groups]);
  });
});
