// Style isolation both ways: hostile page CSS does not change the viewer, and the widget's CSS
// does not change the page.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type OpenedPage, openPage, settle, useBrowser } from './helpers';

const browser = useBrowser();
const opened: OpenedPage[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((o) => o.close()));
});

const PROPS = [
  'color', 'background-color', 'font-family', 'font-size', 'font-style', 'font-weight', 'line-height',
  'letter-spacing', 'word-spacing', 'text-align', 'text-transform', 'text-indent', 'white-space',
  'display', 'box-sizing', 'padding-top', 'padding-left', 'border-top-style', 'border-top-width', 'visibility',
];

/** Computed styles of the viewer's parts, keyed by a readable path (the root element included). */
function viewerStyles(page: Page, selector: string) {
  return page.evaluate(
    ({ selector, props }) => {
      const rootHost = document.querySelector(`${selector} > [data-snippet-root]`) as HTMLElement;
      const shadow = rootHost.shadowRoot!;
      const parts: [string, Element | null][] = [
        ['[data-snippet-root]', rootHost],
        ['.viewer', shadow.querySelector('.viewer')],
        ['.title', shadow.querySelector('.title')],
        ['[role=tablist]', shadow.querySelector('[role=tablist]')],
        ...[...shadow.querySelectorAll('[role=tab]')].map((tab, i): [string, Element] => [`tab ${i}`, tab]),
        ['pre', shadow.querySelector('[role=tabpanel] pre')],
        ['code', shadow.querySelector('[role=tabpanel] pre > code')],
        ...[...shadow.querySelectorAll('[role=tabpanel] pre > code span')].slice(0, 25).map((span, i): [string, Element] => [`token ${i}`, span]),
        ['copy', shadow.querySelector('button[data-action=copy]')],
        ['docs', shadow.querySelector('a[data-action=docs]')],
      ];
      const out: Record<string, Record<string, string> | null> = {};
      for (const [name, el] of parts) {
        if (!el) {
          out[name] = null;
          continue;
        }
        const style = getComputedStyle(el);
        out[name] = Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
      }
      return out;
    },
    { selector, props: PROPS },
  );
}

function hostStyles(page: Page) {
  return page.evaluate((props) => {
    const out: Record<string, Record<string, string>> = {};
    for (const sel of ['body', 'h1', 'p', 'p > code', '#host-pre', '#host-button', '#host-link', '#host-span', 'header', 'main']) {
      const el = document.querySelector(sel);
      if (el) out[sel] = Object.fromEntries(props.map((p) => [p, getComputedStyle(el).getPropertyValue(p)]));
    }
    return out;
  }, PROPS);
}

describe('style isolation', () => {
  it('hostile page CSS leaves the viewer looking exactly as on a plain page', async () => {
    const plain = await openPage(browser(), '/docs.html');
    const hostile = await openPage(browser(), '/host-css.html');
    opened.push(plain, hostile);
    await settle(plain.page, '#default');
    await settle(hostile.page, '#default');
    const reference = await viewerStyles(plain.page, '#default');
    const attacked = await viewerStyles(hostile.page, '#default');
    const differences: string[] = [];
    for (const [part, styles] of Object.entries(reference)) {
      for (const [prop, value] of Object.entries(styles ?? {})) {
        const other = attacked[part]?.[prop];
        if (other !== value) differences.push(`${part} ${prop}: ${value} → ${other}`);
      }
    }
    expect(differences).toEqual([]);
    expect(hostile.problems()).toEqual([]);
  });

  it('the widget leaves the host page’s own elements styled as without it', async () => {
    const withWidget = await openPage(browser(), '/docs.html');
    opened.push(withWidget);
    await settle(withWidget.page, '#default');
    const withoutWidget = await openPage(browser(), '/docs.html', { blockWidget: true });
    opened.push(withoutWidget);
    expect(await withoutWidget.page.locator('snippet[data-state]').count(), 'control page has no widget').toBe(0);
    expect(await hostStyles(withWidget.page)).toEqual(await hostStyles(withoutWidget.page));
  });
});
