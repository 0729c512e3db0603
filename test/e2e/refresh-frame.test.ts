// Issue 17, item 10: `Snippets.refresh(iframe.contentDocument)` serves a same-origin frame's
// snippets from the parent's widget. Its viewers live in that document: their stylesheet must
// be one of that document's (a constructed stylesheet cannot be adopted across documents),
// and their controls must work although their elements belong to the frame's realm.
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { inSnippet, readSnippet, settle, usePages } from './helpers';

const open = usePages();
const INNER = ['#inner', '#inner-element'];
const asPage = (frame: Frame) => frame as unknown as Page;

describe('Snippets.refresh(iframe.contentDocument)', () => {
  it('renders the frame’s snippets, styled and working, with no uncaught error', async () => {
    const opened = await open('/refresh-frame.html');
    const { page, context } = opened;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(opened.url).origin });
    await settle(page, '#outer');
    const frame = (await (await page.$('#frame'))!.contentFrame())!;
    await frame.waitForLoadState('load');
    // The widget serves its own document only, until asked.
    expect(await frame.evaluate(() => document.querySelector('#inner')!.hasAttribute('data-state'))).toBe(false);

    await page.evaluate(() => {
      const doc = document.querySelector<HTMLIFrameElement>('#frame')!.contentDocument!;
      (window as unknown as { Snippets: { refresh(root: ParentNode): void } }).Snippets.refresh(doc);
    });
    for (const id of INNER) {
      await settle(asPage(frame), id);
      const shown = await readSnippet(asPage(frame), id);
      expect(shown.colouredTokens, `${id} is highlighted`).toBeGreaterThan(10);
    }
    expect((await readSnippet(asPage(frame), '#inner')).code).toContain('model="in-a-frame-model"');
    // Styled by a stylesheet of the frame's own document: the viewer has its border and font.
    const styled = await frame.evaluate(() => {
      const root = document.querySelector('#inner [data-snippet-root]')!.shadowRoot!;
      const viewer = root.querySelector('.viewer')!;
      return { sheets: root.adoptedStyleSheets.length, border: getComputedStyle(viewer).borderTopStyle, mono: getComputedStyle(root.querySelector('pre')!).fontFamily };
    });
    expect(styled).toMatchObject({ sheets: 1, border: 'solid' });
    expect(styled.mono).toMatch(/mono/i);

    // Its tabs work by mouse and keyboard, and switch the parent's snippet too (one reader, one choice).
    await frame.locator('#inner [role=tab][data-lang="js"]').click();
    await frame.waitForFunction(() => document.querySelector('#inner [data-snippet-root]')!.shadowRoot!.querySelector('.viewer')!.getAttribute('data-lang') === 'js');
    await frame.locator('#inner [role=tab][data-lang="js"]').press('ArrowRight');
    await frame.waitForFunction(() => document.querySelector('#inner [data-snippet-root]')!.shadowRoot!.querySelector('.viewer')!.getAttribute('data-lang') === 'sh');
    await settle(asPage(frame), '#inner');
    await page.waitForFunction(() => document.querySelector('#outer [data-snippet-root]')!.shadowRoot!.querySelector('.viewer')!.getAttribute('data-lang') === 'sh');

    // Copy copies the frame snippet's tab.
    const shown = await readSnippet(asPage(frame), '#inner');
    await page.evaluate(() => navigator.clipboard.writeText('sentinel'));
    await inSnippet(asPage(frame), '#inner', 'button[data-action=copy]').click();
    await page.waitForFunction(async () => (await navigator.clipboard.readText()) !== 'sentinel');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown.code);

    // A change of the frame snippet's attributes re-renders it.
    await frame.evaluate(() => document.querySelector('#inner')!.setAttribute('data-model', 'changed-in-frame'));
    await frame.waitForFunction(() => document.querySelector('#inner [data-snippet-root]')!.shadowRoot!.querySelector('[role=tabpanel] pre > code')!.textContent!.includes('changed-in-frame'));

    expect(opened.pageErrors).toEqual([]);
    expect(opened.problems()).toEqual([]);
  });

  it('a frame snippet whose chunk failed comes back with its Retry', async () => {
    let failures = 0;
    const { page } = await open('/refresh-frame.html', {
      holdRoutes: ({ context }) =>
        context.route(/\/chunks\/snippet\.image\.flux-[\w-]+\.js/, (route) => (failures++ === 0 ? route.fulfill({ status: 404, body: 'gone' }) : route.continue())),
    });
    await settle(page, '#outer');
    const frame = (await (await page.$('#frame'))!.contentFrame())!;
    await frame.waitForLoadState('load');
    await page.evaluate(() => {
      const doc = document.querySelector<HTMLIFrameElement>('#frame')!.contentDocument!;
      doc.body.insertAdjacentHTML('afterbegin', '<snippet id="inner-flux" data-name="image.flux"></snippet>');
      (window as unknown as { Snippets: { refresh(root: ParentNode): void } }).Snippets.refresh(doc);
    });
    await frame.waitForFunction(() => document.querySelector('#inner-flux')?.getAttribute('data-state') === 'error');
    await inSnippet(asPage(frame), '#inner-flux', '[data-action="retry"]').click();
    await settle(asPage(frame), '#inner-flux');
    expect((await readSnippet(asPage(frame), '#inner-flux')).code).toContain('flux');
  });
});
