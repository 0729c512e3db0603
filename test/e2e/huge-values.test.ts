// Values far beyond what a sample needs: refused with a short notice, or shown without
// colours, and the rest of the page carries on (the long tasks they cost: see the benchmark).
import { describe, expect, it } from 'vitest';
import { readSnippet, settle, usePages } from './helpers';

const open = usePages();

describe('huge values', () => {
  it('refuses a megabyte with a short notice, shows 15,000 characters whole but uncoloured, and the rest renders', async () => {
    const { page, pageErrors } = await open('/huge.html', { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });
    await settle(page, '#small', ['ready']);
    await page.waitForFunction(() => document.querySelector('#megabyte')?.getAttribute('data-state') === 'error');
    const { notice } = await readSnippet(page, '#megabyte');
    expect(notice).toMatchObject({ code: 'bad-value', visible: true });
    expect(notice!.text).toContain('data-prompt="He said \\"hi\\" and $HOME');
    expect(notice!.text).toContain('(1,048,576 characters) is too long: a value may hold at most 20,000 characters');
    expect(notice!.text.length).toBeLessThan(400);

    await settle(page, '#long', ['ready']);
    const long = await readSnippet(page, '#long');
    expect(long.code).toContain('line 1000 \\"q\\"');
    expect(long.tokenSpans).toBe(0);
    await page.locator('#long [data-action="copy"]').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(long.code);

    // The page's own API gets the same answer for the same value, in every snippet it reaches.
    await page.evaluate(() => (window as unknown as { Snippets: { setPayload(values: object): void } }).Snippets.setPayload({ prompt: (window as unknown as { __megabyte: string }).__megabyte }));
    await page.waitForFunction(() => document.querySelector('#small')?.getAttribute('data-state') === 'error');
    expect((await readSnippet(page, '#small')).notice!.text).toContain('setPayload({ prompt: "He said');
    expect(pageErrors).toEqual([]);
  });
});
