// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import type { PreparedSnippet } from '../../src/core/types.ts';
import { readStaticViewer } from '../../src/view/read-static-viewer.ts';
import { renderDom } from '../../src/view/render-dom.ts';
import { viewerTree, type ViewerModel } from '../../src/view/viewer-tree.ts';
import { prepared } from '../support/prepared.ts';

let chat: PreparedSnippet;
let hostile: PreparedSnippet;
beforeAll(async () => {
  chat = await prepared('open-ai.chat-completion');
  hostile = await prepared('open-ai.chat-completion', { model: 'm"<b>x</b>\t&amp;' });
});

const model = (snippet: PreparedSnippet, lang: string, overrides: Partial<ViewerModel> = {}): ViewerModel => ({
  snippet,
  lang,
  wrap: false,
  expanded: false,
  copy: 'idle',
  announcement: '',
  theme: 'light',
  showTokens: true,
  shortcut: 'Ctrl+C',
  static: true,
  ...overrides,
});

describe('readStaticViewer', () => {
  it('reads back, from the markup rendered ahead of time, the snippet it shows and its open tab', () => {
    const markup = renderDom(document, viewerTree(model(chat, 'js')));
    const read = readStaticViewer(markup, chat.name)!;
    expect(read.lang).toBe('js');
    expect(read.snippet.title).toBe(chat.title);
    expect(read.snippet.docs).toBe(chat.docs);
    expect(read.snippet.files.map((file) => [file.lang, file.label, file.code])).toEqual(chat.files.map((file) => [file.lang, file.label, file.displayCode]));
    // The colours come back as the tokens they were drawn from.
    for (const [i, file] of read.snippet.files.entries()) {
      expect(file.highlight).toBe('highlighted');
      expect(file.tokens, file.lang).toEqual(chat.files[i]!.tokens);
    }
  });

  it('reads plain panels as code still to colour, character for character', () => {
    expect(hostile.files.every((file) => file.tokens === null)).toBe(true);
    const read = readStaticViewer(renderDom(document, viewerTree(model(hostile, 'py'))), hostile.name)!;
    expect(read.snippet.files.map((file) => [file.code, file.tokens, file.highlight])).toEqual(hostile.files.map((file) => [file.displayCode, null, 'pending']));
  });

  it('is null for anything else, such as the live viewer', () => {
    expect(readStaticViewer(renderDom(document, viewerTree(model(chat, 'py', { static: false }))), chat.name)).toBeNull();
    expect(readStaticViewer(document.createElement('div'), chat.name)).toBeNull();
  });
});
