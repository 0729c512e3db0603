// The first paint's controls are live before React arrives: a reader's click or key on a tab,
// Wrap, "Show all" or Copy takes effect at once, even while the live viewer's chunk (React)
// is held back by a slow network, and Copy reaches the clipboard.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Route } from 'playwright-core';
import { inSnippet, readSnippet, settle, usePages } from './helpers';

const open = usePages();

/** Holds the live viewer's chunk back for as long as the test runs; returns what it held. */
async function holdReact({ context }: { context: BrowserContext }) {
  const held: Route[] = [];
  await context.route(/\/chunks\/live-root-[\w-]+\.js/, (route) => void held.push(route));
  return held;
}

describe('before React has arrived', () => {
  it('switches tabs by click and by keyboard, wraps, shows all lines and copies, at once', async () => {
    const opened = await open('/reader.html', { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] }, holdRoutes: holdReact });
    const { page } = opened;
    await settle(page, '#chat', ['plain']);
    // React's chunk was asked for and is held: the viewer on screen is the first paint.
    await page.waitForTimeout(200);
    expect((await readSnippet(page, '#chat')).state).toBe('plain');

    await inSnippet(page, '#chat', '[role=tab][data-lang="js"]').click();
    expect((await readSnippet(page, '#chat')).viewerLang).toBe('js');
    // Every snippet on the page follows the choice.
    expect((await readSnippet(page, '#long')).viewerLang).toBe('js');

    await page.keyboard.press('ArrowRight');
    const afterKey = await readSnippet(page, '#chat');
    expect(afterKey.viewerLang).toBe('sh');
    expect(await page.evaluate(() => document.querySelector('#chat [data-snippet-root]')!.shadowRoot!.activeElement?.getAttribute('data-lang'))).toBe('sh');

    await inSnippet(page, '#chat', '[data-action="wrap"]').click();
    expect(await inSnippet(page, '#chat', '[role=tabpanel]').getAttribute('data-wrap')).toBe('true');

    await inSnippet(page, '#chat', '[role=tab][data-lang="py"]').click();
    await inSnippet(page, '#chat', '[data-action="expand"]').click();
    expect(await inSnippet(page, '#chat', '[role=tabpanel]').getAttribute('class')).not.toContain('panel-collapsed');

    await inSnippet(page, '#chat', '[data-action="copy"]').click();
    await page.waitForFunction(() => document.querySelector('#chat [data-snippet-root]')!.shadowRoot!.querySelector('[data-action="copy"]')!.textContent === 'Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe((await readSnippet(page, '#chat')).code);
    expect((await readSnippet(page, '#chat')).state, 'React is still held back').toBe('plain');
    expect(opened.problems()).toEqual([]);
  });
});
