// The single-page-app scenario, shared by the plain and the strict-CSP runs.
import { expect } from 'vitest';
import { type OpenedPage, readSnippet, settle } from './helpers';

/** Drives test/e2e/pages/spa.js: change an attribute, remove one, swap the article, swap back. */
export async function exerciseSpa(opened: OpenedPage) {
  const { page } = opened;
  await settle(page, '#one-a');
  await settle(page, '#one-b');
  expect((await readSnippet(page, '#one-b')).code).toContain('page-one-model');

  // A data-* attribute changes: that snippet re-renders with the new value.
  await page.click('#set-model');
  await page.waitForFunction(() => {
    const shadow = document.querySelector('#one-a [data-snippet-root]')?.shadowRoot;
    return shadow?.querySelector('[role=tabpanel] pre > code')?.textContent?.includes('model-set-by-spa');
  });
  await settle(page, '#one-a');
  const changed = await readSnippet(page, '#one-a');
  expect(changed.code).toContain('model-set-by-spa');
  expect(changed.code).not.toContain("'gpt-4o'");
  expect(changed.code).not.toContain('"gpt-4o"');
  expect(changed.colouredTokens).toBeGreaterThan(0);

  // One snippet is removed on its own.
  await page.click('#remove-last');
  expect(await page.locator('#one-b').count()).toBe(0);

  // The article is swapped: the old snippets go, new ones render.
  await page.click('#nav-second');
  for (const [id, text] of [
    ['#two-a', 'page-two-model'],
    ['#two-b', 'Second page prompt'],
  ] as const) {
    await settle(page, id);
    const info = await readSnippet(page, id);
    expect(info.code).toContain(text);
    expect(info.colouredTokens).toBeGreaterThan(0);
  }

  // And back: the same names mount again in fresh elements.
  await page.click('#nav-first');
  await settle(page, '#one-a');
  await settle(page, '#one-b');
  expect((await readSnippet(page, '#one-a')).code).toContain('gpt-4o');

  // The elements that were taken out of the document keep no widget in a broken state.
  expect(await page.locator('snippet[data-state=error]').count()).toBe(0);
  expect(opened.problems()).toEqual([]);
}
