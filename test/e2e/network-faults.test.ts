// A bad network, served for real by the test server (test/e2e/faults.mjs): each snippet lives
// on its own clock, says when it is slow, gives up with a Retry, and every way back (Retry, a
// changed attribute, Snippets.refresh(), the network coming back) tries again, under a fresh
// URL where the browser remembers a failure.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestBuild, serveFixtures } from './harness.mjs';
import { inSnippet, readSnippet, settle, usePages } from './helpers';

const open = usePages();
let server: Awaited<ReturnType<typeof serveFixtures>>;
beforeAll(async () => {
  server = await serveFixtures({ distDir: ensureTestBuild() });
});
afterAll(() => server?.close());

const FLUX_CHUNK = /\/chunks\/snippet\.image\.flux-[\w-]+\.js$/;
const states = (page: Page) => page.evaluate(() => (window as unknown as { __states: Record<string, Record<string, number>> }).__states);
const errors = (page: Page) => page.evaluate(() => (window as unknown as { __errors: { code: string; message: string }[] }).__errors);
const shadowText = (page: Page, id: string, selector: string) =>
  page.evaluate(({ id, selector }) => document.querySelector(`#${id} [data-snippet-root]`)?.shadowRoot?.querySelector(selector)?.textContent ?? null, { id, selector });

async function openFaults() {
  const opened = await open(`${server.url}/faults.html`, { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });
  return opened;
}

describe('one snippet’s chunk hangs', () => {
  it('the others are interactive at once; it says it is loading, keeps its fallback in view, then gives up with a Retry that works', async () => {
    // Once: the request the page makes hangs for good; any later one is answered.
    server.faults.add(FLUX_CHUNK, 'stall', { times: 1 });
    try {
      const { page, console: lines } = await openFaults();
      await settle(page, '#chat', ['ready']);
      await settle(page, '#tts', ['ready']);
      // Interactive while the other one hangs: a tab click switches the code.
      await inSnippet(page, '#chat', '[role=tab][data-lang="js"]').click();
      expect((await readSnippet(page, '#chat')).viewerLang).toBe('js');
      expect(await page.locator('#flux').getAttribute('data-state')).toBe('loading');
      await expect(page.locator('#flux-fallback').isVisible()).resolves.toBe(true);

      // A few seconds on: it says it is on its way; the author's fallback is still there.
      await page.waitForFunction(() => !!document.querySelector('#flux [data-snippet-root]')?.shadowRoot?.querySelector('[role=status]'), null, { timeout: 6000 });
      expect(await shadowText(page, 'flux', '[role=status]')).toBe('Loading “Generate an image with FLUX”…');
      await expect(page.locator('#flux-fallback').isVisible()).resolves.toBe(true);

      // Then it gives up: a notice that says why, with a Retry, and one console line.
      await page.waitForFunction(() => document.querySelector('#flux')?.getAttribute('data-state') === 'error', null, { timeout: 15_000 });
      const notice = (await readSnippet(page, '#flux')).notice!;
      expect(notice).toMatchObject({ code: 'load-failed', visible: true });
      expect(notice.text).toContain('did not arrive within 12 s');
      expect(lines.filter((line) => line.startsWith('error: [snippets]'))).toHaveLength(1);
      const timeline = await states(page);
      // About 12 s after it began to wait. The page's observer notes "loading" when the start-up
      // task ends, which can be a few tens of milliseconds after the snippet's clock started.
      const waited = timeline.flux!.error! - (timeline.flux!.loading ?? 0);
      expect(waited).toBeGreaterThan(11_500);
      expect(waited).toBeLessThan(13_500);

      // Retry asks again under a fresh URL (the stalled request is still open).
      await inSnippet(page, '#flux', '[data-action="retry"]').click();
      await settle(page, '#flux', ['ready']);
      expect((await readSnippet(page, '#flux')).code).toContain('flux');
      const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
      expect(fetched.some((url) => /snippet\.image\.flux-[\w-]+\.js\?retry=1$/.test(url))).toBe(true);
      await expect(page.locator('#flux-fallback').isVisible()).resolves.toBe(false);
    } finally {
      server.faults.clear();
    }
  }, 60_000);
});

describe('a chunk that fails', () => {
  const ways: { kind: '404' | '500' | 'reset' | 'truncate'; recover: string; by: (page: Page) => Promise<unknown> }[] = [
    { kind: '404', recover: 'Retry', by: (page) => inSnippet(page, '#flux', '[data-action="retry"]').click() },
    { kind: '500', recover: 'a changed attribute', by: (page) => page.evaluate(() => document.querySelector('#flux')!.setAttribute('data-prompt', 'A lighthouse at dawn')) },
    { kind: 'reset', recover: 'Snippets.refresh()', by: (page) => page.evaluate(() => (window as unknown as { Snippets: { refresh(): void } }).Snippets.refresh()) },
    {
      kind: 'truncate',
      recover: 'the network coming back',
      by: async (page) => {
        await page.context().setOffline(true);
        await page.context().setOffline(false);
      },
    },
  ];
  for (const { kind, recover, by } of ways) {
    it(`(${kind}) shows a notice with a Retry, the others render, and ${recover} brings it back`, async () => {
      server.faults.add(FLUX_CHUNK, kind);
      try {
        const { page } = await openFaults();
        await settle(page, '#chat', ['ready']);
        await page.waitForFunction(() => document.querySelector('#flux')?.getAttribute('data-state') === 'error');
        const { notice } = await readSnippet(page, '#flux');
        expect(notice).toMatchObject({ code: 'load-failed', visible: true });
        expect(notice!.text).toContain('Retry');
        expect((await errors(page)).map((error) => error.code)).toEqual(['load-failed']);

        server.faults.clear();
        await by(page);
        await settle(page, '#flux', ['ready']);
        expect((await readSnippet(page, '#flux')).code).toContain(kind === '500' ? 'A lighthouse at dawn' : 'flux');
        // The browser remembers a module that failed: the retry asked under another URL.
        const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
        expect(fetched.filter((url) => /snippet\.image\.flux-[\w-]+\.js\?retry=\d$/.test(url)).length).toBeGreaterThan(0);
      } finally {
        server.faults.clear();
      }
    });
  }
});

describe('the highlighter or the viewer cannot load', () => {
  it('Shiki failing leaves the code plain and usable, says it was Shiki, and colours arrive when the network is back', async () => {
    server.faults.add(/\/chunks\/create-shiki-tokenizer-[\w-]+\.js$/, '500');
    try {
      const { page, console: lines } = await openFaults();
      await page.waitForFunction(() => (window as unknown as { __errors: unknown[] }).__errors.length > 0);
      expect(await errors(page)).toEqual([expect.objectContaining({ code: 'highlight-failed', message: expect.stringMatching(/^Could not load the highlighter \(Shiki\)/) })]);
      await settle(page, '#tts', ['ready']);
      const plain = await readSnippet(page, '#tts');
      expect(plain.code).toContain(String.raw`Say \"hi\"`);
      expect(plain.colouredTokens).toBe(0);
      // No retry loop meanwhile: one line, however long it stays broken.
      await page.waitForTimeout(500);
      expect(lines.filter((line) => line.startsWith('error: [snippets]'))).toHaveLength(1);

      server.faults.clear();
      await page.context().setOffline(true);
      await page.context().setOffline(false);
      await page.waitForFunction(() => {
        const code = document.querySelector('#tts [data-snippet-root]')!.shadowRoot!.querySelector('code')!;
        return code.querySelectorAll('span').length > 5;
      });
    } finally {
      server.faults.clear();
    }
  });

  it('the live viewer failing leaves the first paint’s tabs and Copy working, with one console line, until the network is back', async () => {
    server.faults.add(/\/chunks\/live-root-[\w-]+\.js$/, '404');
    try {
      const { page, console: lines } = await openFaults();
      await settle(page, '#chat', ['plain']);
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/chunks/live-root-')));
      await inSnippet(page, '#chat', '[role=tab][data-lang="sh"]').click();
      expect((await readSnippet(page, '#chat')).viewerLang).toBe('sh');
      await inSnippet(page, '#chat', '[data-action="copy"]').click();
      await page.waitForFunction(() => document.querySelector('#chat [data-snippet-root]')!.shadowRoot!.querySelector('[data-action="copy"]')!.textContent === 'Copied');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe((await readSnippet(page, '#chat')).code);
      expect(lines.filter((line) => line.startsWith('error: [snippets] could not load the viewer'))).toHaveLength(1);

      server.faults.clear();
      await page.context().setOffline(true);
      await page.context().setOffline(false);
      await settle(page, '#chat', ['ready']);
      expect((await readSnippet(page, '#chat')).viewerLang).toBe('sh');
    } finally {
      server.faults.clear();
    }
  });
});
