// Issue 5, hostile host CSS (test/e2e/pages/hostile-host.css: `pre, code, span, button, a
// { … !important }`, `* { box-sizing … !important }`, `[role=tab], .viewer { display: none
// !important }`): host-css.test.ts proves the viewer looks the same as on a plain page and that
// the widget leaves a plain page's elements alone. This adds the other half on the hostile page
// itself — its own pre/code/span/button/link keep exactly the hostile look with the widget on
// it — that the viewer stays usable there, and the screenshot.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './harness.mjs';
import { type OpenedPage, chooseTab, openPage, readSnippet, settle, useBrowser } from './helpers';
import { settleAll } from './reader-helpers';

const browser = useBrowser();
const opened: OpenedPage[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((o) => o.close()));
});

const PROPS = [
  'color', 'background-color', 'font-family', 'font-size', 'font-style', 'font-weight', 'line-height', 'letter-spacing',
  'word-spacing', 'text-align', 'text-transform', 'text-indent', 'white-space', 'display', 'box-sizing', 'margin-top',
  'padding-top', 'padding-left', 'border-top-style', 'border-top-width', 'border-top-color', 'border-radius', 'visibility',
];

function hostStyles(page: Page) {
  return page.evaluate((props) => {
    const out: Record<string, Record<string, string>> = {};
    for (const selector of ['html', 'body', 'header', 'main', 'h1', 'p', 'p > code', '#host-pre', '#host-button', '#host-link', '#host-span']) {
      const element = document.querySelector(selector);
      if (!element) throw new Error(`host-css.html has no ${selector}`);
      out[selector] = Object.fromEntries(props.map((p) => [p, getComputedStyle(element).getPropertyValue(p)]));
    }
    return out;
  }, PROPS);
}

describe('hostile host CSS', () => {
  it('the hostile page’s own elements are styled exactly as without the widget', async () => {
    const withWidget = await openPage(browser(), '/host-css.html');
    opened.push(withWidget);
    await settleAll(withWidget.page, ['#default', '#mini']);
    const withoutWidget = await openPage(browser(), '/host-css.html', { blockWidget: true });
    opened.push(withoutWidget);
    expect(await withoutWidget.page.locator('snippet[data-state]').count(), 'control page has no widget').toBe(0);
    const expected = await hostStyles(withoutWidget.page);
    // The hostile rules really apply to the host's own elements (so "unchanged" means something).
    expect(expected['#host-pre']).toMatchObject({ color: 'rgb(0, 255, 0)', 'background-color': 'rgb(0, 0, 0)', 'font-family': 'fantasy' });
    expect(await hostStyles(withWidget.page)).toEqual(expected);
  });

  it('the viewer stays visible, highlighted and usable on the hostile page', async () => {
    const hostile = await openPage(browser(), '/host-css.html');
    opened.push(hostile);
    const { page } = hostile;
    await settle(page, '#default');
    const boxes = await page.evaluate(() => {
      const shadow = document.querySelector('#default [data-snippet-root]')!.shadowRoot!;
      return ['.viewer', '.title', '[role=tablist]', '[role=tab]', '[role=tabpanel]', 'button[data-action=copy]'].map((selector) => {
        const box = shadow.querySelector(selector)!.getBoundingClientRect();
        return { selector, visible: box.width > 0 && box.height > 0 };
      });
    });
    expect(boxes.filter((box) => !box.visible)).toEqual([]);
    await chooseTab(page, '#default', 'js');
    const info = await readSnippet(page, '#default');
    expect(info.viewerLang).toBe('js');
    expect(info.colouredTokens).toBeGreaterThan(0);
    // No token took the page's lime !important colour.
    const lime = await page.evaluate(() =>
      [...document.querySelector('#default [data-snippet-root]')!.shadowRoot!.querySelectorAll('code span')].filter(
        (span) => getComputedStyle(span).color === 'rgb(0, 255, 0)' || getComputedStyle(span).fontFamily === 'fantasy',
      ).length,
    );
    expect(lime).toBe(0);
    expect(hostile.problems()).toEqual([]);
  });

  it('saves a screenshot of the hostile page to test-artifacts/', async () => {
    const hostile = await openPage(browser(), '/host-css.html');
    opened.push(hostile);
    const { page } = hostile;
    // The hostile page's huge type pushes #mini below the fold: it mounts once scrolled near.
    await settleAll(page, ['#default', '#mini']);
    const dir = join(REPO_ROOT, 'test-artifacts');
    mkdirSync(dir, { recursive: true });
    // The viewer and the hostile host elements right after it (pre, button, link, span) in view.
    await page.evaluate(() => {
      document.querySelector('#default')!.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -60);
    });
    await page.evaluate(async () => {
      const roots = [...document.querySelectorAll('[data-snippet-root]')].map((host) => host.shadowRoot!);
      await Promise.all(roots.flatMap((root) => root.getAnimations().map((animation) => animation.finished)));
    });
    const shot = await page.screenshot({ path: join(dir, 'reader-hostile-host.png'), fullPage: false });
    expect(shot.byteLength).toBeGreaterThan(10_000);
  });
});
