// Copy puts exactly the active tab's code on the clipboard, and says so.
import { describe, expect, it } from 'vitest';
import { chooseTab, clipboardAfterCopy, inSnippet, readSnippet, settle, usePages } from './helpers';

const open = usePages();

describe('copy button', () => {
  it('copies exactly the code of the active tab, before and after switching tabs', async () => {
    const opened = await open('/docs.html');
    const { page, context } = opened;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(opened.url).origin });
    await settle(page, '#mini');

    const first = await readSnippet(page, '#mini');
    expect(first.code).toContain('gpt-4o-mini');
    expect(await clipboardAfterCopy(page, '#mini')).toBe(first.code);
    // It says so to screen readers.
    await page.waitForFunction(() => {
      const live = document.querySelector('#mini [data-snippet-root]')?.shadowRoot?.querySelector('[data-live]');
      return !!live?.textContent?.trim();
    });
    const live = await readSnippet(page, '#mini');
    expect(live.live).toMatch(/cop/i);

    for (const lang of ['js', 'sh', 'py']) {
      await chooseTab(page, '#mini', lang);
      const info = await readSnippet(page, '#mini');
      expect(info.viewerLang).toBe(lang);
      expect(info.code).toContain('gpt-4o-mini');
      expect(await clipboardAfterCopy(page, '#mini'), `clipboard after copying the ${lang} tab`).toBe(info.code);
    }
    expect(opened.problems()).toEqual([]);
  });

  it('falls back when the async Clipboard API is missing, still copying the active tab exactly', async () => {
    const opened = await open('/docs.html', { initScript: removeClipboardApi });
    const { page, context } = opened;
    const origin = new URL(opened.url).origin;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    expect(await page.evaluate(() => 'clipboard' in navigator)).toBe(false);
    await settle(page, '#custom');
    await chooseTab(page, '#custom', 'sh');
    const info = await readSnippet(page, '#custom');

    // Read the system clipboard from a second page of the same origin, which has the API.
    const reader = await context.newPage();
    await reader.goto(new URL('/favicon.svg', origin).href);
    const sentinel = `sentinel-${Math.random()}`;
    await reader.evaluate((text) => navigator.clipboard.writeText(text), sentinel);
    await page.bringToFront();
    await inSnippet(page, '#custom', 'button[data-action=copy]').click();
    await page.waitForFunction(() => {
      const live = document.querySelector('#custom [data-snippet-root]')?.shadowRoot?.querySelector('[data-live]');
      return !!live?.textContent?.trim();
    });
    await reader.bringToFront();
    expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(info.code);
    expect(opened.pageErrors).toEqual([]);
  });
});

/** Init script: this document has no async Clipboard API (old browsers, some embedded webviews). */
function removeClipboardApi() {
  delete (Navigator.prototype as { clipboard?: unknown }).clipboard;
}
