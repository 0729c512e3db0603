// The same pages under `Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'`.
import { describe, expect, it } from 'vitest';
import { STRICT_CSP } from './harness.mjs';
import { readSnippet, settle, usePages } from './helpers';
import { exerciseSpa } from './spa-scenario';

const open = usePages();

describe('strict Content-Security-Policy', () => {
  it('serves the /csp/ pages with the strict policy', async () => {
    const opened = await open('/csp/docs.html');
    const header = await opened.page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    expect(header).toBe(STRICT_CSP);
  });

  it('renders and highlights the docs page with zero CSP violations', async () => {
    const opened = await open('/csp/docs.html');
    const { page } = opened;
    for (const id of ['#default', '#mini', '#custom']) {
      await settle(page, id);
      const info = await readSnippet(page, id);
      expect(info.code?.length).toBeGreaterThan(100);
      expect(info.colouredTokens, `${id} token colours survive CSP (set via CSSOM, not style="")`).toBeGreaterThan(0);
    }
    // Chunks loaded later (the far snippet) must be CSP-clean too.
    await page.locator('#far').scrollIntoViewIfNeeded();
    await settle(page, '#far');
    for (const lang of ['js', 'sh']) {
      await page.locator(`#default [role=tab][data-lang="${lang}"]`).click();
      await settle(page, '#default');
    }
    expect(await opened.cspViolations()).toEqual([]);
    expect(opened.problems()).toEqual([]);

    // Control: the recorder does see a violation, so the empty list above means something.
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { outline: 1px solid red; }';
      document.head.append(style);
    });
    await page.waitForFunction(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.length > 0);
    expect((await opened.cspViolations()).join('\n')).toMatch(/style-src/);
  });

  it('follows single-page navigation under the policy with zero violations', async () => {
    const opened = await open('/csp/spa.html');
    await exerciseSpa(opened);
    expect(await opened.cspViolations()).toEqual([]);
  });
});
