// One cold page load of the built widget in Chromium, and what it cost: shared by the
// benchmark (`npm run bench`) and the A/B comparison (`npm run bench:compare`).
/* global window, document, MutationObserver, innerHeight, innerWidth, requestAnimationFrame -- instrument() and the waits run in the page */
import { gzipSync } from 'node:zlib';

export const VIEWPORT = { width: 1280, height: 800 };

/**
 * Runs in the page before any of its scripts. Times come from performance.now(), i.e. since
 * navigation start, taken when a snippet's data-state attribute changes and on every frame.
 * "Highlighted" is what the reader sees: the viewer in the snippet's shadow root shows coloured
 * code (data-highlight="highlighted", set both by the preview painted before React loads and by
 * the viewer); "ready" is data-state="ready": the interactive viewer, highlighted.
 */
function instrument() {
  const bench = {
    firstState: null,
    firstReadable: null,
    visibleHighlighted: null,
    visibleReady: null,
    allCode: null,
    longTasks: [],
    visibleAtReady: 0,
    layoutShift: 0,
  };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.layoutShift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    bench.longTasks = null;
  }
  // Every snippet whose code is in the page (plain, ready, or a notice), counted from the
  // data-state changes themselves: a page of 1,000 snippets is not walked on every change.
  const DONE = new Set(['plain', 'ready', 'error']);
  const done = new Set();
  new MutationObserver((records) => {
    const now = performance.now();
    bench.firstState ??= now;
    for (const record of records) {
      const state = record.target.getAttribute('data-state');
      if (bench.firstReadable === null && (state === 'plain' || state === 'ready')) bench.firstReadable = now;
      if (DONE.has(state)) done.add(record.target);
      else done.delete(record.target);
    }
    if (bench.allCode === null && done.size > 0 && done.size === document.querySelectorAll('snippet[data-name]').length) bench.allCode = now;
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
  // What is in view, and its shadow root's highlighting, is read once a frame (no observer of the
  // document sees into shadow roots).
  const poll = () => {
    const now = performance.now();
    let visible = 0;
    let ready = 0;
    let highlighted = 0;
    for (const el of document.querySelectorAll('snippet[data-name]')) {
      const box = el.getBoundingClientRect();
      if (!(box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth)) continue;
      visible++;
      const state = el.getAttribute('data-state');
      if (state === 'ready') ready++;
      const viewer = el.querySelector(':scope > [data-snippet-root]')?.shadowRoot?.querySelector('.viewer');
      if (state === 'ready' || viewer?.getAttribute('data-highlight') === 'highlighted') highlighted++;
    }
    if (visible > 0 && highlighted === visible) bench.visibleHighlighted ??= now;
    // The last moment the viewport became fully interactive (a layout shift can bring in another snippet).
    if (visible > 0 && ready === visible) {
      if (bench.visibleReady === null) {
        bench.visibleReady = now;
        bench.visibleAtReady = visible;
      }
    } else {
      bench.visibleReady = null;
    }
    if (bench.visibleReady === null || bench.visibleHighlighted === null) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

/**
 * One cold page load (a fresh browser context, cache disabled) and what it cost.
 * `latencyMs` adds that round-trip time to every request, as a CDN far from the reader would.
 */
export async function measure(browser, url, { visitTabs, latencyMs = 0 }) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript(instrument);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (latencyMs) {
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: latencyMs, downloadThroughput: -1, uploadThroughput: -1 });
    }
    await cdp.send('Performance.enable');
    const assets = [];
    const errors = [];
    let documentResponse = null;
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    // Bodies are read after the load: asking for each one as it arrives is a round trip to the
    // browser at the very moment the page needs its files (it cost the first paint ~15–30 ms).
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type === 'document' && !documentResponse) documentResponse = response;
      if (type === 'script' || type === 'stylesheet') assets.push({ url: response.url(), type, response });
    });

    await page.goto(url, { waitUntil: 'load' });
    await page
      .waitForFunction(() => window.__bench.firstReadable !== null && window.__bench.visibleReady !== null, null, { timeout: 30_000 })
      .catch(async (error) => {
        const states = await page.evaluate(() => [...document.querySelectorAll('snippet')].slice(0, 5).map((el) => el.getAttribute('data-state')));
        throw new Error(`snippets never became ready on ${url} (first states: ${states.join(', ')}; errors: ${errors.slice(0, 3).join(' | ')})`, { cause: error });
      });
    // Every snippet's code in the page, in view or not (a build that draws only near the
    // viewport never gets there: reported as missing).
    await page.waitForFunction(() => window.__bench.allCode !== null, null, { timeout: 8_000 }).catch(() => undefined);
    // Let lazy work scheduled after the first paint (idle callbacks, late chunks) finish.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);

    const timing = await page.evaluate(() => {
      const b = window.__bench;
      const nav = performance.getEntriesByType('navigation')[0];
      const entry = performance.getEntriesByType('resource').find((r) => r.name.endsWith('/dist/bundle.js'));
      return {
        domContentLoadedMs: nav ? nav.domContentLoadedEventEnd : null,
        firstPaintMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        bundleLoadedMs: entry ? entry.responseEnd : null,
        firstStateMs: b.firstState,
        firstReadableMs: b.firstReadable,
        visibleReadyMs: b.visibleReady,
        visibleHighlightedMs: b.visibleHighlighted,
        allCodeMs: b.allCode,
        layoutShift: b.layoutShift,
        visibleSnippets: b.visibleAtReady,
        longTaskMs: b.longTasks ? b.longTasks.reduce((sum, task) => sum + task.duration, 0) : null,
        maxLongTaskMs: b.longTasks ? b.longTasks.reduce((max, task) => Math.max(max, task.duration), 0) : null,
        longTasks: b.longTasks ? b.longTasks.length : null,
        states: [...document.querySelectorAll('snippet')].reduce((acc, el) => {
          const state = el.getAttribute('data-state') ?? 'none';
          acc[state] = (acc[state] ?? 0) + 1;
          return acc;
        }, {}),
      };
    });
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name) => metrics.find((m) => m.name === name)?.value ?? null;

    const initialAssets = assets.length;
    if (visitTabs) {
      // The reader's whole 3-language tour: Python (default), JavaScript, cURL.
      for (const lang of ['js', 'sh', 'py']) {
        await page.locator(`snippet >> nth=0 >> [role=tab][data-lang="${lang}"]`).click();
        await page.waitForFunction(
          // Every drawn viewer shows the language (live in view, plain further off); snippets not
          // drawn yet draw in it later.
          (lang) => [...document.querySelectorAll('snippet')].every((el) => {
            const state = el.getAttribute('data-state');
            if (state === 'idle' || state === 'loading') return true;
            const viewer = el.querySelector('[data-snippet-root]')?.shadowRoot?.querySelector('.viewer');
            return viewer?.getAttribute('data-lang') === lang && (state === 'ready' || state === 'plain');
          }),
          lang,
          { timeout: 30_000 },
        );
      }
      await page.waitForLoadState('networkidle');
    }

    const sized = await Promise.all(
      assets.map(async (asset, index) => {
        const body = await asset.response.body();
        return {
          url: new URL(asset.url).pathname,
          type: asset.type,
          initial: index < initialAssets,
          raw: body.length,
          gzip: gzipSync(body, { level: 9 }).length,
        };
      }),
    );
    const widgetAssets = sized.filter((a) => a.url.startsWith('/dist/'));
    const html = documentResponse ? await documentResponse.body() : null;
    const sum = (list) => list.reduce((total, a) => total + a.gzip, 0);
    return {
      ...timing,
      heapUsedBytes: metric('JSHeapUsedSize'),
      htmlBytes: html ? html.length : null,
      htmlGzip: html ? gzipSync(html, { level: 9 }).length : null,
      domNodes: metric('Nodes'),
      entryGzip: widgetAssets.find((a) => a.url === '/dist/bundle.js')?.gzip ?? null,
      cssGzip: sum(widgetAssets.filter((a) => a.type === 'stylesheet')),
      jsCssGzipInitial: sum(widgetAssets.filter((a) => a.initial)),
      jsCssGzipAllTabs: visitTabs ? sum(widgetAssets) : null,
      files: widgetAssets,
      errors,
    };
  } finally {
    await context.close();
  }
}
