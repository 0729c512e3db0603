// Issue 5, look: light and dark by each of the page's switches (media query, <html class>,
// <html data-theme>, <snippet data-theme>), explicit light over a dark system, no re-render of
// the tokens on a switch, brandable custom properties — and screenshots of the reader page.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'playwright-core';
import { REPO_ROOT } from './harness.mjs';
import { settle, usePages } from './helpers';
import { settleAll } from './reader-helpers';

const open = usePages();

interface Look {
  theme: string | null;
  keyword: string;
  background: string;
  text: string;
}

/** The Python `import` keyword token of a viewer (its first one). */
async function keywordSpan(page: Page, selector: string): Promise<ElementHandle<HTMLElement>> {
  const handle = await page.evaluateHandle((selector) => {
    const code = document.querySelector(`${selector} [data-snippet-root]`)!.shadowRoot!.querySelector('[role=tabpanel] pre > code')!;
    const span = [...code.querySelectorAll<HTMLElement>('span')].find((s) => s.textContent === 'import');
    if (!span) throw new Error(`no "import" token span in ${selector}`);
    return span;
  }, selector);
  return handle as ElementHandle<HTMLElement>;
}

/** Computed colours of a viewer: its keyword token, its background and its text. */
function look(page: Page, selector: string): Promise<Look> {
  return page.evaluate((selector) => {
    const shadow = document.querySelector(`${selector} [data-snippet-root]`)!.shadowRoot!;
    const viewer = shadow.querySelector<HTMLElement>('.viewer')!;
    // A keyword of whichever tab shows: Python's `import`, JavaScript's `const`.
    const span = [...shadow.querySelectorAll<HTMLElement>('[role=tabpanel] pre > code span')].find((s) => s.textContent === 'import' || s.textContent === 'const')!;
    return {
      theme: viewer.getAttribute('data-theme'),
      keyword: getComputedStyle(span).color,
      background: getComputedStyle(viewer).backgroundColor,
      text: getComputedStyle(viewer).color,
    };
  }, selector);
}

const waitForTheme = (page: Page, selector: string, theme: string) =>
  page.waitForFunction(
    ({ selector, theme }) => document.querySelector(`${selector} [data-snippet-root]`)?.shadowRoot?.querySelector('.viewer')?.getAttribute('data-theme') === theme,
    { selector, theme },
  );

/** Runs `change` in the page, waits for the viewer's data-theme, and returns its look. */
async function after(page: Page, selector: string, theme: string, change: () => void): Promise<Look> {
  await page.evaluate(change);
  await waitForTheme(page, selector, theme);
  return look(page, selector);
}

/** Waits for the tabs' and buttons' colour transitions (120 ms) to end, so a screenshot shows the settled look. */
function transitionsDone(page: Page): Promise<void> {
  return page.evaluate(async () => {
    const roots = [...document.querySelectorAll('[data-snippet-root]')].map((host) => host.shadowRoot!);
    await Promise.all(roots.flatMap((root) => root.getAnimations().map((animation) => animation.finished)));
  });
}

const colours = ({ keyword, background, text }: Look) => ({ keyword, background, text });

describe('themes', () => {
  it('each switch turns the viewer dark, explicit light beats a dark system, and the tokens are never re-created', async () => {
    const opened = await open('/reader.html', { contextOptions: { colorScheme: 'light' } });
    const { page } = opened;
    await settle(page, '#chat');
    const span = await keywordSpan(page, '#chat');

    const light = await look(page, '#chat');
    expect(light.theme).toBe('auto');
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await look(page, '#chat');
    expect(dark.theme, 'the media query is resolved by CSS, not by a re-render').toBe('auto');
    expect(dark.keyword, 'keyword colour differs between light and dark').not.toBe(light.keyword);
    expect(dark.background).not.toBe(light.background);
    expect(dark.text).not.toBe(light.text);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(colours(await look(page, '#chat')), 'back to light with the system').toEqual(colours(light));

    const switches: [string, string, () => void, () => void][] = [
      ['<html class="dark">', 'dark', () => document.documentElement.classList.add('dark'), () => document.documentElement.classList.remove('dark')],
      [
        '<html data-theme="dark">',
        'dark',
        () => document.documentElement.setAttribute('data-theme', 'dark'),
        () => document.documentElement.removeAttribute('data-theme'),
      ],
      [
        '<snippet data-theme="dark">',
        'dark',
        () => document.querySelector('#chat')!.setAttribute('data-theme', 'dark'),
        () => document.querySelector('#chat')!.removeAttribute('data-theme'),
      ],
    ];
    for (const [name, theme, on, off] of switches) {
      expect(colours(await after(page, '#chat', theme, on)), `${name} under a light system`).toEqual(colours(dark));
      expect(colours(await after(page, '#chat', 'auto', off)), `without ${name}`).toEqual(colours(light));
    }

    // An explicit light switch wins over a dark system preference.
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(colours(await look(page, '#chat'))).toEqual(colours(dark));
    const lightSwitches: [string, () => void, () => void][] = [
      ['<html class="light">', () => document.documentElement.classList.add('light'), () => document.documentElement.classList.remove('light')],
      [
        '<html data-theme="light">',
        () => document.documentElement.setAttribute('data-theme', 'light'),
        () => document.documentElement.removeAttribute('data-theme'),
      ],
      [
        '<snippet data-theme="light">',
        () => document.querySelector('#chat')!.setAttribute('data-theme', 'light'),
        () => document.querySelector('#chat')!.removeAttribute('data-theme'),
      ],
    ];
    for (const [name, on, off] of lightSwitches) {
      expect(colours(await after(page, '#chat', 'light', on)), `${name} under a dark system`).toEqual(colours(light));
      expect(colours(await after(page, '#chat', 'auto', off)), `without ${name}`).toEqual(colours(dark));
    }

    // The snippet's own switch beats the page's.
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    expect(colours(await after(page, '#chat', 'light', () => document.querySelector('#chat')!.setAttribute('data-theme', 'light')))).toEqual(
      colours(light),
    );
    await waitForTheme(page, '#flux', 'dark');

    // After all these switches, the very same token span is still in the code: nothing was re-highlighted.
    expect(
      await span.evaluate((element) => {
        const code = document.querySelector('#chat [data-snippet-root]')!.shadowRoot!.querySelector('[role=tabpanel] pre > code')!;
        return element.isConnected && code.contains(element) && [...code.querySelectorAll('span')].find((s) => s.textContent === 'import') === element;
      }),
    ).toBe(true);
    expect(opened.problems()).toEqual([]);
  });
});

describe('branding', () => {
  it('custom properties on the snippet (or an ancestor) restyle the viewer', async () => {
    const opened = await open('/reader.html');
    const { page } = opened;
    await settle(page, '#chat');
    await settle(page, '#flux');
    const before = await look(page, '#chat');
    expect(before.background).not.toBe('rgb(1, 2, 3)');
    await page.evaluate(() => {
      const chat = document.querySelector<HTMLElement>('#chat')!;
      chat.style.setProperty('--snippet-bg', 'rgb(1, 2, 3)');
      chat.style.setProperty('--snippet-fg', 'rgb(250, 251, 252)');
      chat.style.setProperty('--snippet-radius', '0px');
      chat.style.setProperty('--snippet-font-mono', '"Courier New", monospace');
      chat.style.setProperty('--snippet-font-size', '15px');
      document.querySelector('main')!.style.setProperty('--snippet-accent', 'rgb(200, 10, 20)');
    });
    const branded = await page.evaluate(() => {
      const shadow = document.querySelector('#chat [data-snippet-root]')!.shadowRoot!;
      const viewer = getComputedStyle(shadow.querySelector('.viewer')!);
      const pre = getComputedStyle(shadow.querySelector('[role=tabpanel] pre')!);
      return {
        background: viewer.backgroundColor,
        text: viewer.color,
        radius: viewer.borderTopLeftRadius,
        mono: pre.fontFamily,
        size: pre.fontSize,
        link: getComputedStyle(shadow.querySelector('a[data-action=docs]')!).color,
      };
    });
    expect(branded).toEqual({
      background: 'rgb(1, 2, 3)',
      text: 'rgb(250, 251, 252)',
      radius: '0px',
      mono: '"Courier New", monospace',
      size: '15px',
      link: 'rgb(200, 10, 20)',
    });
    // Only the snippet it was set on changed background; the ancestor's accent reaches both.
    const flux = await page.evaluate(() => {
      const shadow = document.querySelector('#flux [data-snippet-root]')!.shadowRoot!;
      return {
        background: getComputedStyle(shadow.querySelector('.viewer')!).backgroundColor,
        link: getComputedStyle(shadow.querySelector('a[data-action=docs]')!).color,
      };
    });
    expect(flux).toEqual({ background: before.background, link: 'rgb(200, 10, 20)' });
  });

  it('--snippet-max-height bounds a panel that is not collapsed', async () => {
    const opened = await open('/reader.html');
    const { page } = opened;
    await settle(page, '#chat');
    await page.evaluate(() => document.querySelector<HTMLElement>('#chat')!.style.setProperty('--snippet-max-height', '120px'));
    await page.locator('#chat button[data-action=expand]').click();
    await page.waitForFunction(
      () => document.querySelector('#chat [data-snippet-root]')!.shadowRoot!.querySelector('button[data-action=expand]')!.getAttribute('aria-expanded') === 'true',
    );
    const panel = await page.evaluate(() => {
      const el = document.querySelector('#chat [data-snippet-root]')!.shadowRoot!.querySelector<HTMLElement>('[role=tabpanel]')!;
      return { maxHeight: getComputedStyle(el).maxHeight, height: el.getBoundingClientRect().height, scrolls: el.scrollHeight > el.clientHeight };
    });
    expect(panel).toEqual({ maxHeight: '120px', height: 120, scrolls: true });
  });
});

describe('screenshots', () => {
  it('saves the reader page in light and dark to test-artifacts/', async () => {
    const opened = await open('/reader.html', { contextOptions: { colorScheme: 'light' } });
    const { page } = opened;
    await settleAll(page, ['#chat', '#flux']);
    const dir = join(REPO_ROOT, 'test-artifacts');
    mkdirSync(dir, { recursive: true });
    // Something worth seeing: JavaScript chosen page-wide, the pointer over the first viewer.
    await page.locator('#chat [role=tab][data-lang=js]').click();
    await page.waitForFunction(() => document.querySelector('#flux')?.getAttribute('data-state') === 'ready' && document.querySelector('#chat')?.getAttribute('data-state') === 'ready');
    await page.locator('#chat').hover();
    await transitionsDone(page);
    const lightShot = await page.screenshot({ path: join(dir, 'reader-light.png') });
    expect(lightShot.byteLength).toBeGreaterThan(10_000);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.evaluate(() => {
      // A dark docs site: the page background follows too, as a real one would.
      document.body.style.background = '#010409';
      document.body.style.color = '#e6edf3';
    });
    expect((await look(page, '#chat')).background).toBe('rgb(13, 17, 23)');
    await transitionsDone(page);
    const darkShot = await page.screenshot({ path: join(dir, 'reader-dark.png') });
    expect(darkShot.byteLength).toBeGreaterThan(10_000);
  });
});
