// Issue 5, copy: what the reader hears, the Clipboard API denied (fallback still copies), and
// every way of copying failing (the code is selected and the reader is told to press Ctrl+C).
// copy.test.ts covers the granted API and the API missing altogether.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chooseTab, inSnippet, readSnippet, settle, usePages } from './helpers';

const open = usePages();

function liveText(page: Page, selector: string) {
  return page.evaluate(
    (selector) => document.querySelector(`${selector} [data-snippet-root]`)?.shadowRoot?.querySelector('[data-live]')?.textContent ?? '',
    selector,
  );
}

async function waitForLive(page: Page, selector: string) {
  await page.waitForFunction(
    (selector) => !!document.querySelector(`${selector} [data-snippet-root]`)?.shadowRoot?.querySelector('[data-live]')?.textContent?.trim(),
    selector,
  );
  return liveText(page, selector);
}

/** Init script: the async Clipboard API exists but refuses (permission denied, unfocused frame). */
function clipboardDenied() {
  Object.defineProperty(navigator.clipboard, 'writeText', {
    configurable: true,
    value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
  });
}

/** Init script: the Clipboard API refuses and `execCommand('copy')` does nothing either. */
function noWayToCopy() {
  Object.defineProperty(navigator.clipboard, 'writeText', {
    configurable: true,
    value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
  });
  const calls: string[] = [];
  (window as unknown as { __execCommands: string[] }).__execCommands = calls;
  Document.prototype.execCommand = function (command: string) {
    calls.push(command);
    return false;
  };
}

describe('copy, as the reader experiences it', () => {
  it('announces exactly which code was copied, in a polite live region, for each tab', async () => {
    const opened = await open('/reader.html');
    const { page, context } = opened;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(opened.url).origin });
    await settle(page, '#chat');
    const region = await page.evaluate(() => {
      const live = document.querySelector('#chat [data-snippet-root]')!.shadowRoot!.querySelector('[data-live]')!;
      return { ariaLive: live.getAttribute('aria-live'), atomic: live.getAttribute('aria-atomic'), text: live.textContent };
    });
    expect(region).toEqual({ ariaLive: 'polite', atomic: 'true', text: '' });
    for (const [lang, label] of [
      ['py', 'Python'],
      ['js', 'JavaScript'],
      ['sh', 'cURL'],
    ] as const) {
      await chooseTab(page, '#chat', lang);
      await inSnippet(page, '#chat', 'button[data-action=copy]').click();
      await page.waitForFunction(
        (label) => document.querySelector('#chat [data-snippet-root]')?.shadowRoot?.querySelector('[data-live]')?.textContent === `Copied ${label} code to the clipboard`,
        label,
      );
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe((await readSnippet(page, '#chat')).code);
      // Visibly too: the button says so, and its accessible name follows.
      const button = inSnippet(page, '#chat', 'button[data-action=copy]');
      expect((await button.textContent())?.trim()).toBe('Copied');
      expect(await button.getAttribute('aria-label')).toBe(`Copied ${label} code`);
    }
    expect(opened.problems()).toEqual([]);
  });

  it('falls back to a selection copy when the Clipboard API refuses, and the clipboard gets the code', async () => {
    const opened = await open('/reader.html', { initScript: clipboardDenied });
    const { page, context } = opened;
    const origin = new URL(opened.url).origin;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await settle(page, '#chat');
    await chooseTab(page, '#chat', 'js');
    const code = (await readSnippet(page, '#chat')).code;

    // Read the system clipboard from a second page of the same origin, where the API works.
    const reader = await context.newPage();
    await reader.goto(new URL('/favicon.svg', origin).href);
    const sentinel = `sentinel-${Math.random()}`;
    await reader.evaluate((text) => navigator.clipboard.writeText(text), sentinel);
    await page.bringToFront();
    await inSnippet(page, '#chat', 'button[data-action=copy]').click();
    expect(await waitForLive(page, '#chat')).toBe('Copied JavaScript code to the clipboard');
    await reader.bringToFront();
    expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(code);
    expect(opened.pageErrors).toEqual([]);
  });

  it('when no way of copying works, selects the code and tells the reader to press Ctrl+C', async () => {
    const opened = await open('/reader.html', { initScript: noWayToCopy });
    const { page } = opened;
    await settle(page, '#chat');
    await chooseTab(page, '#chat', 'sh');
    const code = (await readSnippet(page, '#chat')).code!;
    await inSnippet(page, '#chat', 'button[data-action=copy]').click();
    expect(await waitForLive(page, '#chat')).toBe('The code is selected: press Ctrl+C to copy it');
    expect(await page.evaluate(() => (window as unknown as { __execCommands: string[] }).__execCommands)).toEqual(['copy']);
    const selection = await page.evaluate(() => {
      const shadow = document.querySelector('#chat [data-snippet-root]')!.shadowRoot as ShadowRoot & { getSelection?: () => Selection | null };
      return { document: document.getSelection()?.toString() ?? '', shadow: shadow.getSelection?.()?.toString() ?? null };
    });
    // Chromium's Selection.toString() leaves out the code's final newline; everything else is there.
    expect(selection.document, 'the selection is the code of the active tab').toBe(code.replace(/\n$/, ''));
    if (selection.shadow !== null) expect(selection.shadow).toBe(code.replace(/\n$/, ''));
    expect((await inSnippet(page, '#chat', 'button[data-action=copy]').textContent())?.trim()).toBe('Press Ctrl+C');
    expect(opened.pageErrors).toEqual([]);
  });
});
