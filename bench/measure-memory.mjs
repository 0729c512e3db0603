// What a page of the widget keeps in memory, read through the Chrome DevTools Protocol after a
// forced garbage collection: shared by `npm run bench:memory` and the browser test
// (test/e2e/memory.test.ts), so the figures the test bounds are the ones the report prints.
/* global window, document, requestAnimationFrame, innerHeight, MutationObserver -- the scroll and the churn run in the page */

/** The viewport of the scroll: the benchmark's. */
export const MEMORY_VIEWPORT = { width: 1280, height: 800 };

/**
 * Heap after GC and the DOM counters, as the page holds them now. Collected twice: the first
 * collection's finalizers (React's, WeakRefs) can free more on the second.
 * @param {import('playwright-core').CDPSession} cdp
 */
export async function readMemory(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? null;
  // DOMCounters is Chromium's own count (Memory domain); older or other builds may lack it.
  const counters = await cdp.send('Memory.getDOMCounters').catch(() => null);
  return {
    heapUsedBytes: metric('JSHeapUsedSize'),
    heapTotalBytes: metric('JSHeapTotalSize'),
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
    documents: metric('Documents'),
    counters,
  };
}

/**
 * Runs in the page: how many snippets are in each `data-state`, how many of them show code, and
 * the nodes (elements and text) in their shadow roots by state (what a snippet costs plain and
 * live); and the nodes of the whole document, shadow trees included (what is in the page,
 * against what is alive).
 */
function census() {
  /** @type {Record<string, { snippets: number, withCode: number, shadowNodes: number, spans: number }>} */
  const byState = {};
  // Every node of the tree under `node`, the shadow trees of its elements included.
  const count = (node) => {
    let n = 1;
    if (node.shadowRoot) n += count(node.shadowRoot);
    for (let child = node.firstChild; child; child = child.nextSibling) n += count(child);
    return n;
  };
  for (const element of document.querySelectorAll('snippet[data-name], aiml-snippet[data-name]')) {
    const state = element.getAttribute('data-state') ?? 'none';
    const root = element.querySelector(':scope > [data-snippet-root]')?.shadowRoot;
    const entry = (byState[state] ??= { snippets: 0, withCode: 0, shadowNodes: 0, spans: 0 });
    entry.snippets++;
    if (root?.querySelector('pre > code')?.textContent) entry.withCode++;
    if (root) {
      entry.shadowNodes += count(root) - 1;
      entry.spans += root.querySelectorAll('code span').length;
    }
  }
  return { byState, treeNodes: count(document) };
}

/**
 * Runs in the page: resolves once every snippet's code is in the page (plain, ready, or a
 * notice), or once no snippet has changed state for `quietMs` (a build that draws snippets
 * only as they come near never gets there), or after `timeoutMs`.
 */
function settled({ quietMs, timeoutMs }) {
  const all = () => [...document.querySelectorAll('snippet[data-name], aiml-snippet[data-name]')];
  const done = () => all().every((element) => ['plain', 'ready', 'error'].includes(element.getAttribute('data-state') ?? ''));
  return new Promise((resolve) => {
    let quiet;
    const finish = () => {
      observer.disconnect();
      clearTimeout(quiet);
      clearTimeout(limit);
      resolve(undefined);
    };
    const observer = new MutationObserver(() => {
      clearTimeout(quiet);
      if (done()) finish();
      else quiet = setTimeout(finish, quietMs);
    });
    observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
    const limit = setTimeout(finish, timeoutMs);
    quiet = setTimeout(finish, quietMs);
    if (done()) finish();
  });
}

/**
 * Runs in the page: scrolls to the bottom `stepViewports` screens at a time, each step waiting
 * until the snippets in view are interactive (`ready`), or `settleMs` at most (a build that
 * never gets there still scrolls on), and lasting `minStepMs` at least: every snippet passes
 * near the viewport and is drawn live, as a reader's scroll would draw it.
 */
async function scrollThrough({ stepViewports, minStepMs, settleMs }) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  // The snippets in view, read from a cursor that moves down the page with the scroll: boxes
  // are read only around the viewport (an observer of 2,000 elements, or reading all their
  // boxes, would cost the page more than the widget does).
  const snippets = [...document.querySelectorAll('snippet[data-name], aiml-snippet[data-name]')];
  let first = 0;
  const inView = () => {
    while (first < snippets.length && snippets[first].getBoundingClientRect().bottom <= 0) first++;
    const found = [];
    for (let i = first; i < snippets.length; i++) {
      const box = snippets[i].getBoundingClientRect();
      if (box.top >= innerHeight) break;
      if (box.bottom > 0) found.push(snippets[i]);
    }
    return found;
  };
  const inViewReady = () => inView().every((element) => ['ready', 'error'].includes(element.getAttribute('data-state') ?? ''));
  // Every snippet that was drawn live at some point of the scroll.
  const wentLive = new Set();
  const states = new MutationObserver((records) => {
    for (const record of records) if (record.target.getAttribute('data-state') === 'ready') wentLive.add(record.target);
  });
  states.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
  let steps = 0;
  let unsettled = 0;
  const started = performance.now();
  for (;;) {
    const before = window.scrollY;
    const stepStarted = performance.now();
    window.scrollBy(0, innerHeight * stepViewports);
    steps++;
    const deadline = stepStarted + settleMs;
    // Two frames: the intersection observers have run for the new position before it is judged.
    await frame();
    await frame();
    while (!inViewReady() && performance.now() < deadline) await sleep(16);
    if (!inViewReady()) unsettled++;
    await sleep(stepStarted + minStepMs - performance.now());
    if (window.scrollY === before) break;
  }
  states.disconnect();
  return { steps, unsettled, wentLive: wentLive.size, snippets: snippets.length, scrollMs: performance.now() - started, pageHeight: document.documentElement.scrollHeight };
}

/**
 * Opens `url` (a page of many snippets), waits until every snippet's code is in the page,
 * reads memory, scrolls through it all (see scrollThrough), waits `releaseWaitMs` (past the
 * widget's release of viewers far away: 5 s), and reads memory again. The defaults are a
 * reader's pace on the benchmark's screen: a screen at a time, 100 ms a screen at the fastest.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {{ viewport?: { width: number, height: number }, stepViewports?: number, minStepMs?: number, settleMs?: number, releaseWaitMs?: number, loadTimeoutMs?: number }} [options]
 */
export async function measureScroll(
  browser,
  url,
  { viewport = MEMORY_VIEWPORT, stepViewports = 1, minStepMs = 100, settleMs = 3000, releaseWaitMs = 6000, loadTimeoutMs = 60_000 } = {},
) {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(settled, { quietMs: 1000, timeoutMs: loadTimeoutMs });
    const loaded = { ...(await readMemory(cdp)), ...(await page.evaluate(census)) };
    const scroll = await page.evaluate(scrollThrough, { stepViewports, minStepMs, settleMs });
    const atBottom = await page.evaluate(census);
    await page.waitForTimeout(releaseWaitMs);
    const scrolled = { ...(await readMemory(cdp)), ...(await page.evaluate(census)) };
    return { loaded, scroll, atBottom, scrolled, errors };
  } finally {
    await context.close();
  }
}

/**
 * Runs in the page of test/e2e/pages/spa.html: `cycles` times, swaps the article for the
 * second page and back (two snippets removed and two inserted each way), each time waiting
 * until the new snippets are interactive (or `settleMs`).
 */
async function churn({ cycles, settleMs }) {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const ready = (ids) => ids.every((id) => ['ready', 'error'].includes(document.getElementById(id)?.getAttribute('data-state') ?? ''));
  let unsettled = 0;
  const visit = async (button, ids) => {
    document.getElementById(button).click();
    const deadline = performance.now() + settleMs;
    while (!ready(ids) && performance.now() < deadline) await sleep(5);
    if (!ready(ids)) unsettled++;
  };
  for (let i = 0; i < cycles; i++) {
    await visit('nav-second', ['two-a', 'two-b']);
    await visit('nav-first', ['one-a', 'one-b']);
  }
  return unsettled;
}

/**
 * Opens the single-page-app page and churns it: memory after the first page settled, after
 * `warmup` insert/remove cycles and after `cycles` in all. What grows between the last two
 * is what a long-lived single-page site would leak.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url  test/e2e/pages/spa.html, served with the build under test
 * @param {{ warmup?: number, cycles?: number, settleMs?: number }} [options]
 */
export async function measureChurn(browser, url, { warmup = 50, cycles = 500, settleMs = 3000 } = {}) {
  const context = await browser.newContext({ viewport: MEMORY_VIEWPORT });
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => ['one-a', 'one-b'].every((id) => document.getElementById(id)?.getAttribute('data-state') === 'ready'), null, { timeout: 20_000 });
    const start = await readMemory(cdp);
    const started = Date.now();
    let unsettled = await page.evaluate(churn, { cycles: warmup, settleMs });
    const warm = await readMemory(cdp);
    unsettled += await page.evaluate(churn, { cycles: cycles - warmup, settleMs });
    const end = await readMemory(cdp);
    return { start, warm, end, warmup, cycles, unsettled, churnMs: Date.now() - started, errors };
  } finally {
    await context.close();
  }
}

/** @param {import('playwright-core').Page} page */
function collectErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  return errors;
}
