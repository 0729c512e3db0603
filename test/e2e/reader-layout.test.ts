// Issue 5, long code: Wrap folds long lines into the panel's width (and is remembered), and
// "Show all lines" lifts the bounded height to the code's full height — measured in layout.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { inSnippet, settle, usePages } from './helpers';
import { settleAll } from './reader-helpers';

const open = usePages();

/** Layout of a viewer's code panel and its pre. */
function measure(page: Page, selector: string) {
  return page.evaluate((selector) => {
    const shadow = document.querySelector(`${selector} [data-snippet-root]`)!.shadowRoot!;
    const panel = shadow.querySelector<HTMLElement>('[role=tabpanel]')!;
    const pre = shadow.querySelector<HTMLElement>('[role=tabpanel] pre')!;
    const panelStyle = getComputedStyle(panel);
    return {
      wrapAttr: panel.getAttribute('data-wrap'),
      collapsed: panel.classList.contains('panel-collapsed'),
      whiteSpace: getComputedStyle(pre).whiteSpace,
      maxHeight: panelStyle.maxHeight,
      scrollWidth: panel.scrollWidth,
      clientWidth: panel.clientWidth,
      scrollHeight: panel.scrollHeight,
      clientHeight: panel.clientHeight,
      panelHeight: panel.getBoundingClientRect().height,
      preHeight: pre.getBoundingClientRect().height,
      // Lines of code shown: the final newline ends the last line, it does not start another.
      lines: (pre.textContent ?? '').replace(/\n$/, '').split('\n').length,
      /** Line boxes the pre lays out: its content height over its line height. */
      renderedLines: (() => {
        const style = getComputedStyle(pre);
        const content = pre.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
        return Math.round(content / parseFloat(style.lineHeight));
      })(),
    };
  }, selector);
}

const attr = (page: Page, selector: string, inner: string, name: string) =>
  page.evaluate(
    ({ selector, inner, name }) => document.querySelector(`${selector} [data-snippet-root]`)!.shadowRoot!.querySelector(inner)!.getAttribute(name),
    { selector, inner, name },
  );

describe('wrap', () => {
  it('folds a long line into the panel width, for every viewer, and remembers it', async () => {
    const opened = await open('/reader.html');
    const { page } = opened;
    await settleAll(page, ['#chat', '#long']);
    await page.locator('#long').scrollIntoViewIfNeeded();

    const before = await measure(page, '#long');
    expect(before.wrapAttr).toBe('false');
    expect(before.whiteSpace).toBe('pre');
    expect(before.scrollWidth, 'the long prompt overflows: the panel scrolls sideways').toBeGreaterThan(before.clientWidth);
    expect(await attr(page, '#long', 'button[data-action=wrap]', 'aria-pressed')).toBe('false');

    await inSnippet(page, '#long', 'button[data-action=wrap]').click();
    await page.waitForFunction(() =>
      ['#chat', '#long'].every(
        (id) => document.querySelector(`${id} [data-snippet-root]`)!.shadowRoot!.querySelector('[role=tabpanel]')!.getAttribute('data-wrap') === 'true',
      ),
    );
    const wrapped = await measure(page, '#long');
    expect(wrapped.whiteSpace).toBe('pre-wrap');
    expect(wrapped.scrollWidth, 'no sideways scrolling once wrapped').toBeLessThanOrEqual(wrapped.clientWidth);
    expect(wrapped.clientWidth).toBe(before.clientWidth);
    expect(await attr(page, '#long', 'button[data-action=wrap]', 'aria-pressed')).toBe('true');
    expect(await attr(page, '#chat', 'button[data-action=wrap]', 'aria-pressed'), 'every viewer follows').toBe('true');
    expect((await measure(page, '#chat')).whiteSpace).toBe('pre-wrap');
    expect(await page.evaluate(() => localStorage.getItem('aiml-snippets.wrap'))).toBe('true');

    await page.reload();
    await settleAll(page, ['#long']);
    const afterReload = await measure(page, '#long');
    expect(afterReload.wrapAttr, 'wrap is remembered across page loads').toBe('true');
    expect(afterReload.whiteSpace).toBe('pre-wrap');
    expect(afterReload.scrollWidth).toBeLessThanOrEqual(afterReload.clientWidth);

    await inSnippet(page, '#long', 'button[data-action=wrap]').click();
    await page.waitForFunction(
      () => document.querySelector('#long [data-snippet-root]')!.shadowRoot!.querySelector('[role=tabpanel]')!.getAttribute('data-wrap') === 'false',
    );
    const unwrapped = await measure(page, '#long');
    expect(unwrapped.whiteSpace).toBe('pre');
    expect(unwrapped.scrollWidth).toBe(before.scrollWidth);
    expect(opened.problems()).toEqual([]);
  });
});

describe('expand', () => {
  it('long code is bounded and scrolls; Show all lines grows the panel to the full code height, and back', async () => {
    const opened = await open('/reader.html');
    const { page } = opened;
    await settle(page, '#chat');

    const bounded = await measure(page, '#chat');
    expect(bounded.lines, 'the Python chat sample is longer than the 18-line bound').toBeGreaterThan(18);
    expect(bounded.renderedLines, 'the reader sees that many lines').toBe(bounded.lines);
    expect(bounded.collapsed).toBe(true);
    expect(bounded.maxHeight).not.toBe('none');
    expect(bounded.scrollHeight, 'the code scrolls inside the bounded panel').toBeGreaterThan(bounded.clientHeight);
    expect(bounded.panelHeight).toBeLessThan(bounded.preHeight);
    const expand = inSnippet(page, '#chat', 'button[data-action=expand]');
    expect(await expand.getAttribute('aria-expanded')).toBe('false');
    // The label counts the lines the reader sees (the code's final newline starts no line).
    expect.soft((await expand.textContent())?.trim(), 'the button names the number of code lines').toBe(`Show all ${bounded.lines} lines`);
    expect(await expand.getAttribute('aria-controls')).toBe(await attr(page, '#chat', '[role=tabpanel]', 'id'));

    await expand.click();
    await page.waitForFunction(
      () => !document.querySelector('#chat [data-snippet-root]')!.shadowRoot!.querySelector('[role=tabpanel]')!.classList.contains('panel-collapsed'),
    );
    const full = await measure(page, '#chat');
    expect(full.maxHeight).toBe('none');
    expect(full.clientHeight, 'nothing left to scroll').toBe(full.scrollHeight);
    expect(full.panelHeight).toBeGreaterThan(bounded.panelHeight);
    expect(full.panelHeight, 'the panel is as tall as the whole code').toBeGreaterThanOrEqual(full.preHeight);
    expect(full.preHeight).toBe(bounded.preHeight);
    expect(await expand.getAttribute('aria-expanded')).toBe('true');
    expect((await expand.textContent())?.trim()).toBe('Collapse');

    await expand.click();
    await page.waitForFunction(
      () => document.querySelector('#chat [data-snippet-root]')!.shadowRoot!.querySelector('[role=tabpanel]')!.classList.contains('panel-collapsed'),
    );
    const again = await measure(page, '#chat');
    expect(again.panelHeight).toBe(bounded.panelHeight);
    expect(await expand.getAttribute('aria-expanded')).toBe('false');
  });

  it('short code has no expand button and no bound', async () => {
    const opened = await open('/reader.html');
    const { page } = opened;
    await settle(page, '#chat');
    await inSnippet(page, '#chat', '[role=tab][data-lang=sh]').click();
    await page.waitForFunction(
      () => document.querySelector('#chat [data-snippet-root]')!.shadowRoot!.querySelector('.viewer')!.getAttribute('data-lang') === 'sh',
    );
    const short = await measure(page, '#chat');
    expect(short.lines).toBeLessThanOrEqual(18);
    expect(short.collapsed).toBe(false);
    expect(short.clientHeight).toBe(short.scrollHeight);
    expect(await inSnippet(page, '#chat', 'button[data-action=expand]').count()).toBe(0);
  });

  it('code of exactly 18 lines (the bound) is shown whole, without an expand button', async () => {
    // minimax.create-audio-generation's cURL sample is 18 lines long.
    const opened = await open('/reader-lines.html?lang=curl');
    const { page } = opened;
    await settle(page, '#exact');
    const exact = await measure(page, '#exact');
    expect(exact.lines).toBe(18);
    expect(exact.renderedLines).toBe(18);
    expect(exact.clientHeight, 'nothing is hidden').toBe(exact.scrollHeight);
    expect.soft(exact.collapsed, 'not marked as bounded').toBe(false);
    expect.soft(await inSnippet(page, '#exact', 'button[data-action=expand]').count(), 'no "Show all" button when all lines show').toBe(0);
  });
});
