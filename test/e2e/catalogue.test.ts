// The built catalogue page (dist/catalogue.html): every snippet of the library, filterable.
import { describe, expect, it } from 'vitest';
import { readSnippet, settle, usePages } from './helpers';

const open = usePages();

describe('the catalogue page', () => {
  it('shows the library highlighted, filters it as the reader types, and keeps a clean console', async () => {
    const opened = await open('/dist/catalogue.html');
    const { page } = opened;
    const first = await page.locator('.entry').first().getAttribute('id');
    await settle(page, `[id="${first}"] snippet`);
    expect((await readSnippet(page, `[id="${first}"] snippet`)).colouredTokens).toBeGreaterThan(0);
    const total = await page.locator('.entry').count();
    expect(total).toBeGreaterThan(30);

    await page.locator('#catalogue-filter').fill('flux');
    const shown = await page.locator('.entry:not([hidden])').evaluateAll((entries) => entries.map((entry) => entry.id));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((id) => id.includes('flux'))).toBe(true);
    expect(await page.locator('#catalogue-status').textContent()).toBe(`${shown.length} of ${total} snippets`);
    await settle(page, `[id="${shown[0]}"] snippet`);
    expect(opened.problems()).toEqual([]);
  });
});
