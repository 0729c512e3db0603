// Every snippet's code is in the page soon after load, however far below the fold: for the
// reader who searches the page, prints it, or never scrolls (and for crawlers and assistants).
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './harness.mjs';
import { usePages } from './helpers';

const open = usePages();
const COUNT = 30;

/** Each snippet's state and the text of its code, as the page holds them now. */
const codes = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('snippet')].map((element) => ({
      id: element.id,
      state: element.getAttribute('data-state'),
      code: element.querySelector('[data-snippet-root]')?.shadowRoot?.querySelector('pre > code')?.textContent ?? '',
    })),
  );

describe('a long page, left alone', () => {
  it('has every snippet’s code in the page within 3 s, without scrolling', async () => {
    const { page } = await open('/long.html');
    const started = await page.evaluate(() => performance.now());
    await page.waitForFunction(
      () => [...document.querySelectorAll('snippet')].every((element) => ['plain', 'ready'].includes(element.getAttribute('data-state') ?? '')),
      null,
      { timeout: 3000 },
    );
    expect(await page.evaluate(() => performance.now()) - started).toBeLessThan(3000);
    const all = await codes(page);
    expect(all).toHaveLength(COUNT);
    for (const { id, code } of all) expect(code.length, id).toBeGreaterThan(100);
    expect(all.find((snippet) => snippet.id === 's25')!.code).toContain('needle-model-25');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });

  it('lets the browser’s find reach a snippet far below, with no scrolling first', async () => {
    const { page } = await open('/long.html');
    await page.waitForFunction(() => document.querySelector('#s25')?.getAttribute('data-state') === 'plain');
    // window.find is Chromium's find over the page's text, the find bar's search: it searches
    // open shadow roots and content the browser skips rendering (content-visibility: auto).
    // The selection is read in the same task as the find: once scrolled to, the snippet is near
    // and is soon coloured and taken over by the live viewer, whose new text drops a selection
    // made in the plain one (a race the test lost more often as the takeover got faster).
    const where = await page.evaluate(() => {
      const found = (window as unknown as { find(text: string): boolean }).find('needle-model-25');
      // The match is selected in the snippet's shadow root; the page sees the selection on its host.
      const selection = document.getSelection()!;
      const anchor = selection.anchorNode;
      const host = anchor instanceof Element ? anchor.closest('snippet') : anchor?.parentElement?.closest('snippet');
      return { found, snippet: host?.id, text: selection.toString(), scrolled: window.scrollY };
    });
    expect(where).toMatchObject({ found: true, snippet: 's25', text: 'needle-model-25' });
    expect(where.scrolled, 'the find scrolled the page down to it').toBeGreaterThan(1000);
    // Once there, its code is visible text (innerText skips what is not rendered).
    await page.waitForFunction(() => {
      const code = document.querySelector('#s25 [data-snippet-root]')!.shadowRoot!.querySelector('pre > code') as HTMLElement;
      return code.innerText.includes('needle-model-25');
    });
  });
});

describe('printing', () => {
  it('shows every snippet’s active tab in full, wrapped, in light colours, without controls', async () => {
    const { page } = await open('/long.html', { contextOptions: { colorScheme: 'dark' } });
    await page.waitForFunction(() => [...document.querySelectorAll('snippet')].every((element) => ['plain', 'ready'].includes(element.getAttribute('data-state') ?? '')));
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() =>
      [...document.querySelectorAll('snippet')].map((element) => {
        const root = element.querySelector('[data-snippet-root]')!.shadowRoot!;
        const panel = root.querySelector('[role=tabpanel]') as HTMLElement;
        const pre = root.querySelector('pre') as HTMLElement;
        const visible = (selector: string) => [...root.querySelectorAll<HTMLElement>(selector)].filter((node) => node.checkVisibility()).length;
        return {
          id: element.id,
          whole: panel.scrollHeight <= panel.clientHeight + 1,
          wraps: getComputedStyle(pre).whiteSpace,
          fitsWidth: pre.scrollWidth <= pre.clientWidth + 1,
          buttons: visible('button:not([role=tab]), a'),
          tabs: visible('[role=tab]'),
          background: getComputedStyle(root.querySelector('.viewer')!).backgroundColor,
        };
      }),
    );
    for (const snippet of printed) {
      expect(snippet, snippet.id).toMatchObject({ whole: true, wraps: 'pre-wrap', fitsWidth: true, buttons: 0, tabs: 1, background: 'rgb(255, 255, 255)' });
    }
    // The page around the snippets prints as it is.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).display)).toBe('block');
    const dir = join(REPO_ROOT, 'test-artifacts');
    mkdirSync(dir, { recursive: true });
    await page.pdf({ path: join(dir, 'long-page.pdf'), format: 'A4' });
    expect(statSync(join(dir, 'long-page.pdf')).size).toBeGreaterThan(50_000);
  });
});
