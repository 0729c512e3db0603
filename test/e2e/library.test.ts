// One of each snippet named in the issue: every one renders and highlights in each of its tabs.
import { describe, expect, it } from 'vitest';
import { chooseTab, readSnippet, settle, usePages } from './helpers';

const open = usePages();

const IDS = ['#chat', '#embedding', '#luma', '#flux', '#tts'];

describe('snippet library in the browser', () => {
  it('renders every snippet, highlighted, in every language tab it has', async () => {
    const opened = await open('/library.html');
    const { page } = opened;
    for (const id of IDS) {
      await page.locator(id).scrollIntoViewIfNeeded();
      await settle(page, id);
      const { tabs, title } = await readSnippet(page, id);
      expect(title?.trim(), `${id} has a title`).toBeTruthy();
      expect(tabs.length, `${id} has language tabs`).toBeGreaterThan(0);
      for (const tab of tabs) {
        await chooseTab(page, id, tab.lang!);
        const info = await readSnippet(page, id);
        expect(info.code?.trim().length, `${id}/${tab.lang} has code`).toBeGreaterThan(20);
        expect(info.code, `${id}/${tab.lang} has no unfilled variable`).not.toMatch(/undefined|\[object Object\]|\{\{/);
        expect(info.colouredTokens, `${id}/${tab.lang} is highlighted`).toBeGreaterThan(0);
      }
    }
    expect(opened.problems()).toEqual([]);
  });
});
