// Issue 5, keyboard: the WAI-ARIA tabs pattern (one tab stop, arrows/Home/End move focus and
// selection), then the scrollable code panel, then the buttons — with real key presses.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { usePages } from './helpers';
import { focused, selectedTabs, settleAll, waitForTabs } from './reader-helpers';

const open = usePages();

/** Presses a key, then checks focus is on the tab `lang` of #chat and that tab is selected (everywhere). */
async function pressOnTabs(page: Page, key: string, lang: string) {
  await page.keyboard.press(key);
  await waitForTabs(page, { '#chat': lang, '#flux': lang });
  const focus = await focused(page);
  expect(focus, `${key} moves focus to the ${lang} tab`).toMatchObject({ snippet: '#chat', role: 'tab', lang, selected: 'true' });
  expect(
    await page.evaluate(() =>
      [...document.querySelector('#chat [data-snippet-root]')!.shadowRoot!.querySelectorAll('[role=tab]')].map((tab) => (tab as HTMLElement).tabIndex),
    ),
    'roving tabindex: only the selected tab is in the tab order',
  ).toEqual(['py', 'js', 'sh'].map((l) => (l === lang ? 0 : -1)));
}

function panelScroll(page: Page) {
  return page.evaluate(() => {
    const panel = document.querySelector('#chat [data-snippet-root]')!.shadowRoot!.querySelector<HTMLElement>('[role=tabpanel]')!;
    return { top: panel.scrollTop, height: panel.clientHeight, scrollHeight: panel.scrollHeight, collapsed: panel.classList.contains('panel-collapsed') };
  });
}

describe('keyboard', () => {
  it('Tab, arrows, Home/End, the panel and the buttons, in the WAI-ARIA tabs order', async () => {
    const opened = await open('/reader.html');
    const { page } = opened;
    await settleAll(page, ['#chat', '#flux']);
    await page.locator('#before').focus();

    // One tab stop per tab list: Tab lands on the selected tab.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ snippet: '#chat', role: 'tab', lang: 'py', selected: 'true', focusVisible: true });

    // Automatic activation: arrows move focus and selection, wrapping at the ends.
    await pressOnTabs(page, 'ArrowRight', 'js');
    await pressOnTabs(page, 'ArrowRight', 'sh');
    await pressOnTabs(page, 'ArrowRight', 'py');
    await pressOnTabs(page, 'ArrowLeft', 'sh');
    await pressOnTabs(page, 'Home', 'py');
    await pressOnTabs(page, 'End', 'sh');
    await pressOnTabs(page, 'ArrowLeft', 'js');
    await pressOnTabs(page, 'Home', 'py');

    // Tab leaves the tab list for the code panel: focusable, with a visible focus ring.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ snippet: '#chat', role: 'tabpanel', focusVisible: true });
    const before = await panelScroll(page);
    expect(before.collapsed, 'the Python code is long: the panel is bounded').toBe(true);
    expect(before.scrollHeight).toBeGreaterThan(before.height);
    expect(before.top).toBe(0);
    // ArrowDown scrolls the focused panel, not the page.
    const pageScroll = await page.evaluate(() => window.scrollY);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(
      () => document.querySelector('#chat [data-snippet-root]')!.shadowRoot!.querySelector('[role=tabpanel]')!.scrollTop > 0,
    );
    expect(await page.evaluate(() => window.scrollY), 'the page itself did not scroll').toBe(pageScroll);

    // Shift+Tab goes back to the selected tab (the one the arrows chose), not the first or the last.
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatchObject({ snippet: '#chat', role: 'tab', lang: 'py' });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ role: 'tabpanel' });

    // Then the footer: Docs link, Wrap, Show all lines, Copy.
    const order: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      const focus = await focused(page);
      expect(focus.snippet).toBe('#chat');
      expect(focus.focusVisible, `${focus.action} shows a focus ring`).toBe(true);
      order.push(focus.action);
    }
    expect(order).toEqual(['docs', 'wrap', 'expand', 'copy']);

    // And the next viewer is again one tab stop: its selected tab.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ snippet: '#flux', role: 'tab', lang: 'py', selected: 'true' });
    await page.keyboard.press('End');
    await waitForTabs(page, { '#chat': 'sh', '#flux': 'sh' });
    expect(await focused(page)).toMatchObject({ snippet: '#flux', role: 'tab', lang: 'sh' });
    expect(await selectedTabs(page, ['#chat', '#flux', '#tts'])).toMatchObject({ '#chat': 'sh', '#flux': 'sh' });
    expect(opened.problems()).toEqual([]);
  });

  it('Space and Enter on the footer buttons work like clicks', async () => {
    const opened = await open('/reader.html');
    const { page } = opened;
    await settleAll(page, ['#chat']);
    const shadowAttr = (selector: string, name: string) =>
      page.evaluate(
        ({ selector, name }) => document.querySelector('#chat [data-snippet-root]')!.shadowRoot!.querySelector(selector)!.getAttribute(name),
        { selector, name },
      );
    await page.locator('#chat button[data-action=wrap]').focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('#chat [data-snippet-root]')!.shadowRoot!.querySelector('button[data-action=wrap]')!.getAttribute('aria-pressed') === 'true');
    expect(await shadowAttr('[role=tabpanel]', 'data-wrap')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ action: 'expand' });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#chat [data-snippet-root]')!.shadowRoot!.querySelector('button[data-action=expand]')!.getAttribute('aria-expanded') === 'true');
    expect(await focused(page), 'focus stays on the expand button').toMatchObject({ action: 'expand' });
  });
});
