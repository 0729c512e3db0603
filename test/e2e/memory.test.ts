// Memory stays bounded: viewers scrolled far away give back what they cost (their code stays
// in the page), and a single-page site swapping its snippets keeps nothing of those it removed.
// The figures are Chromium's own, read through CDP after a forced GC (bench/measure-memory.mjs,
// which `npm run bench:memory` prints too); the bounds are generous: they catch a leak (before
// the release to a fresh root, 2,000 snippets held ~500k nodes and ~300k listeners), not a
// change of a few percent.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { measureChurn, measureScroll } from '../../bench/measure-memory.mjs';
import { FAVICON_SVG, NAMES, PAGE_CSS, pageHtml } from '../../bench/pages.mjs';
import { ensureTestBuild, serveFixtures } from './harness.mjs';
import { chooseTab, openPage, readSnippet, settle, useBrowser } from './helpers';

const browser = useBrowser();
const SNIPPETS = 2000;
const MB = 1024 * 1024;

const mb = (bytes: number | null) => `${((bytes ?? 0) / MB).toFixed(1)} MB`;

describe('a viewer scrolled far away', () => {
  it('goes back to the plain first paint in a fresh root, and live again when the reader returns', { timeout: 60_000 }, async () => {
    const opened = await openPage(browser(), '/long.html');
    try {
      const { page } = opened;
      await settle(page, '#s1');
      const rootOf = () => page.evaluateHandle(() => document.querySelector('#s1 > [data-snippet-root]'));
      const liveRoot = await rootOf();
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      // Released 5 s after it left the viewport's neighbourhood.
      await page.waitForFunction(() => document.querySelector('#s1')?.getAttribute('data-state') === 'plain', null, { timeout: 15_000 });
      const released = await readSnippet(page, '#s1');
      expect(released.code).toContain('needle-model-1');
      expect(released.tokenSpans).toBe(0);
      expect(await page.evaluate((old) => old !== document.querySelector('#s1 > [data-snippet-root]') && !old?.isConnected, liveRoot)).toBe(true);
      expect(await page.locator('#s1 > [data-snippet-root]').count()).toBe(1);

      await page.evaluate(() => window.scrollTo(0, 0));
      await settle(page, '#s1');
      expect((await readSnippet(page, '#s1')).colouredTokens).toBeGreaterThan(0);
      await chooseTab(page, '#s1', 'js');
      expect(opened.problems()).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

describe('memory', () => {
  let pagesDir = '';
  let server: Awaited<ReturnType<typeof serveFixtures>>;
  beforeAll(async () => {
    pagesDir = mkdtempSync(join(tmpdir(), 'snippets-memory-'));
    writeFileSync(join(pagesDir, 'bench.css'), PAGE_CSS);
    writeFileSync(join(pagesDir, 'favicon.svg'), FAVICON_SVG);
    writeFileSync(join(pagesDir, 'many.html'), pageHtml(SNIPPETS, NAMES));
    server = await serveFixtures({ distDir: ensureTestBuild(), pagesDir });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(pagesDir, { recursive: true, force: true });
  });

  it(`releases what viewers scrolled far away cost, and keeps every snippet's code in the page (${SNIPPETS.toLocaleString('en')} snippets)`, { timeout: 240_000 }, async () => {
    // A tall screen, two screens a step: every snippet still comes near (the widget's margin is
    // half a screen each way) and is drawn live, in a quarter of the steps a reader would take.
    const result = await measureScroll(browser(), `${server.url}/many.html`, { viewport: { width: 1280, height: 3000 }, stepViewports: 2, minStepMs: 0 });
    const { loaded, scroll, scrolled } = result;
    console.log(
      `[memory] ${SNIPPETS} snippets: all code in the page ${mb(loaded.heapUsedBytes)}, ${loaded.nodes} nodes, ${loaded.listeners} listeners; ` +
        `scrolled through (${scroll.wentLive} drawn live, ${(scroll.scrollMs / 1000).toFixed(0)} s) and released ${mb(scrolled.heapUsedBytes)}, ${scrolled.nodes} nodes, ${scrolled.listeners} listeners`,
    );
    expect(result.errors).toEqual([]);
    // The scroll did what a reader's does: the snippets came near and went live as they passed.
    expect(scroll.snippets).toBe(SNIPPETS);
    expect(scroll.wentLive).toBeGreaterThan(SNIPPETS * 0.9);
    // Those far away went back to the plain first paint; the code of every one is in the page.
    const none = { snippets: 0, withCode: 0, shadowNodes: 0, spans: 0 };
    const { plain = none, ready = none, ...others } = scrolled.byState;
    expect(others).toEqual({});
    expect(plain.snippets + ready.snippets).toBe(SNIPPETS);
    expect(ready.snippets).toBeLessThan(50);
    expect(plain.withCode + ready.withCode).toBe(SNIPPETS);
    // Plain: the code as one text, no token spans.
    expect(plain.spans).toBe(0);
    // Generous bounds (the budget is 40 MB and 200k nodes).
    expect(scrolled.heapUsedBytes).toBeLessThan(60 * MB);
    expect(scrolled.nodes).toBeLessThan(250_000);
    expect(scrolled.listeners).toBeLessThan(60_000);
  });

  it('keeps nothing of the snippets a single-page site removed, over 500 insert/remove cycles', { timeout: 180_000 }, async () => {
    const result = await measureChurn(browser(), new URL('/spa.html', inject('baseUrl')).href, { warmup: 50, cycles: 500 });
    const { warm, end } = result;
    console.log(
      `[memory] single-page app, cycle 50 → 500: heap ${mb(warm.heapUsedBytes)} → ${mb(end.heapUsedBytes)}, nodes ${warm.nodes} → ${end.nodes}, listeners ${warm.listeners} → ${end.listeners} (${(result.churnMs / 1000).toFixed(0)} s)`,
    );
    expect(result.errors).toEqual([]);
    expect(result.unsettled).toBe(0);
    // A leak of one viewer per cycle would be 450 viewers: ~100k nodes, megabytes of heap.
    // What the heap gains meanwhile is mostly V8's optimized code (a few hundred KB).
    expect(end.heapUsedBytes! - warm.heapUsedBytes!).toBeLessThan(3 * MB);
    expect(end.nodes! - warm.nodes!).toBeLessThan(500);
    expect(end.listeners! - warm.listeners!).toBeLessThan(100);
  });
});
