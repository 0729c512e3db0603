import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { contentTypeFor } from '../../scripts/deploy/release-files.mjs';

const list = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? list(join(dir, entry.name)) : [join(dir, entry.name)]));

describe('content types of a release', () => {
  it('has one for every file the build writes, the Markdown pages served as text/markdown', () => {
    const dist = inject('distDir');
    const files = list(dist)
      .map((file) => relative(dist, file))
      .filter((file) => !file.startsWith('.'));
    expect(files).toContain('llms.txt');
    const types = Object.fromEntries(files.map((file) => [file, contentTypeFor(file)]));
    expect(types['llms.txt']).toBe('text/plain; charset=utf-8');
    expect(types['snippets/open-ai/chat-completion.md']).toBe('text/markdown; charset=utf-8');
    expect(types['bundle.js']).toBe('text/javascript; charset=utf-8');
  });
});
