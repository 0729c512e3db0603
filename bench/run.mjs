// `npm run bench`: the built bundle in system Chromium — bytes, time to readable / highlighted code,
// main-thread long tasks and JS heap, on generated pages of 3, 50 and 300 snippets.
// A report, not a test: it exits 0 when a budget fails, and 1 only when the measurement itself fails.
/* global window, document, MutationObserver, innerHeight, innerWidth, requestAnimationFrame -- instrument() and the waits run in the page */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureChromium } from '../scripts/ensure-chromium.mjs';
import { launchBrowser } from '../test/e2e/browser.mjs';
import { buildBundle, REPO_ROOT, serveFixtures } from '../test/e2e/harness.mjs';
import { FAVICON_SVG, pageHtml, PAGE_CSS } from './pages.mjs';
import { formatTable, summarize } from './stats.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = [3, 50, 300];
const VIEWPORT = { width: 1280, height: 800 };
const KB = 1024;

const BUDGETS = [
  // What the page downloads as it loads; the grammars of the other tabs come only when a
  // reader opens them (reported as "after py/js/sh tabs", not budgeted).
  { name: 'JS+CSS downloaded, 3-snippet page (gzip)', page: 3, metric: 'jsCssGzipInitial', max: 150 * KB, unit: 'bytes' },
  { name: 'first snippet readable, 3-snippet page', page: 3, metric: 'firstReadableMs', max: 200, unit: 'ms' },
  { name: 'all visible snippets highlighted, 3-snippet page', page: 3, metric: 'visibleHighlightedMs', max: 350, unit: 'ms' },
  { name: 'viewport highlighted, 300-snippet page', page: 300, metric: 'visibleHighlightedMs', max: 500, unit: 'ms' },
  { name: 'total long tasks, 300-snippet page', page: 300, metric: 'longTaskMs', max: 500, unit: 'ms' },
];

/**
 * Runs in the page before any of its scripts. Times come from performance.now(), i.e. since
 * navigation start, taken when a snippet's data-state attribute changes and on every frame.
 * "Highlighted" is what the reader sees: the viewer in the snippet's shadow root shows coloured
 * code (data-highlight="highlighted", set both by the preview painted before React loads and by
 * the viewer); "ready" is data-state="ready": the interactive viewer, highlighted.
 */
function instrument() {
  const bench = { firstState: null, firstReadable: null, visibleHighlighted: null, visibleReady: null, longTasks: [], visibleAtReady: 0, layoutShift: 0 };
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
  const check = () => {
    const now = performance.now();
    const all = document.querySelectorAll('snippet[data-name]');
    if (bench.firstState === null) bench.firstState = now;
    let visible = 0;
    let ready = 0;
    let highlighted = 0;
    for (const el of all) {
      const state = el.getAttribute('data-state');
      if (bench.firstReadable === null && (state === 'plain' || state === 'ready')) bench.firstReadable = now;
      const box = el.getBoundingClientRect();
      if (box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth) {
        visible++;
        if (state === 'ready') ready++;
        const viewer = el.querySelector(':scope > [data-snippet-root]')?.shadowRoot?.querySelector('.viewer');
        if (state === 'ready' || viewer?.getAttribute('data-highlight') === 'highlighted') highlighted++;
      }
    }
    if (visible > 0 && highlighted === visible) bench.visibleHighlighted ??= now;
    // The last moment the viewport became fully highlighted (a layout shift can bring in another one).
    if (visible > 0 && ready === visible) {
      if (bench.visibleReady === null) {
        bench.visibleReady = now;
        bench.visibleAtReady = visible;
      }
    } else {
      bench.visibleReady = null;
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
  // Inside shadow roots no observer of the document sees the change: look on every frame.
  const poll = () => {
    check();
    if (bench.visibleReady === null || bench.visibleHighlighted === null) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

async function measure(browser, url, { visitTabs }) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript(instrument);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Performance.enable');
    const assets = [];
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type === 'script' || type === 'stylesheet') assets.push({ url: response.url(), type, body: response.body() });
    });

    await page.goto(url, { waitUntil: 'load' });
    await page
      .waitForFunction(() => window.__bench.firstReadable !== null && window.__bench.visibleReady !== null, null, { timeout: 30_000 })
      .catch(async (error) => {
        const states = await page.evaluate(() => [...document.querySelectorAll('snippet')].slice(0, 5).map((el) => el.getAttribute('data-state')));
        throw new Error(`snippets never became ready on ${url} (first states: ${states.join(', ')}; errors: ${errors.slice(0, 3).join(' | ')})`, { cause: error });
      });
    // Let lazy work scheduled after the first paint (idle callbacks, late chunks) finish.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);

    const timing = await page.evaluate(() => {
      const b = window.__bench;
      const nav = performance.getEntriesByType('navigation')[0];
      const entry = performance.getEntriesByType('resource').find((r) => r.name.endsWith('/dist/bundle.js'));
      return {
        domContentLoadedMs: nav ? nav.domContentLoadedEventEnd : null,
        bundleLoadedMs: entry ? entry.responseEnd : null,
        firstStateMs: b.firstState,
        firstReadableMs: b.firstReadable,
        visibleReadyMs: b.visibleReady,
        visibleHighlightedMs: b.visibleHighlighted,
        layoutShift: b.layoutShift,
        visibleSnippets: b.visibleAtReady,
        longTaskMs: b.longTasks ? b.longTasks.reduce((sum, task) => sum + task.duration, 0) : null,
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
          // Every mounted viewer; snippets still far below the fold mount later, in the chosen language.
          (lang) => [...document.querySelectorAll('snippet')].every((el) => {
            if (el.getAttribute('data-state') === 'idle') return true;
            const viewer = el.querySelector('[data-snippet-root]')?.shadowRoot?.querySelector('.viewer');
            return viewer?.getAttribute('data-lang') === lang && el.getAttribute('data-state') === 'ready';
          }),
          lang,
          { timeout: 30_000 },
        );
      }
      await page.waitForLoadState('networkidle');
    }

    const sized = await Promise.all(
      assets.map(async (asset, index) => {
        const body = await asset.body;
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
    const sum = (list) => list.reduce((total, a) => total + a.gzip, 0);
    return {
      ...timing,
      heapUsedBytes: metric('JSHeapUsedSize'),
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

const fmtBytes = (v) => (v === null ? '—' : `${(v / KB).toFixed(1)} KB`);
const fmtMs = (v) => (v === null ? '—' : `${v.toFixed(0)} ms`);
const fmtMb = (v) => (v === null ? '—' : `${(v / KB / KB).toFixed(1)} MB`);

const ROWS = [
  ['entry bundle.js (gzip)', 'entryGzip', fmtBytes],
  ['bundle.css (gzip)', 'cssGzip', fmtBytes],
  ['JS+CSS on load (gzip)', 'jsCssGzipInitial', fmtBytes],
  ['JS+CSS after py/js/sh tabs (gzip)', 'jsCssGzipAllTabs', fmtBytes],
  ['bundle.js downloaded', 'bundleLoadedMs', fmtMs],
  ['DOMContentLoaded', 'domContentLoadedMs', fmtMs],
  ['first data-state set', 'firstStateMs', fmtMs],
  ['first snippet readable', 'firstReadableMs', fmtMs],
  ['all visible highlighted', 'visibleHighlightedMs', fmtMs],
  ['all visible interactive (ready)', 'visibleReadyMs', fmtMs],
  ['long tasks, total', 'longTaskMs', fmtMs],
  ['layout shift (CLS, whole load)', 'layoutShift', (v) => (v === null ? '—' : v.toFixed(3))],
  ['JS heap used (after GC)', 'heapUsedBytes', fmtMb],
];

async function main() {
  ensureChromium();
  const started = Date.now();
  const loadBefore = loadavg();
  const distDir = buildBundle(join(REPO_ROOT, 'test-artifacts/bench-dist'));
  const pagesDir = mkdtempSync(join(tmpdir(), 'snippets-bench-'));
  const names = ['open-ai.chat-completion', 'open-ai.embedding', 'luma-ai.create-generation', 'image.flux', 'voice.tts'].filter(
    (name) => existsSync(join(REPO_ROOT, 'shared/snippets', ...name.split('.'), 'config.json')),
  );
  writeFileSync(join(pagesDir, 'bench.css'), PAGE_CSS);
  writeFileSync(join(pagesDir, 'favicon.svg'), FAVICON_SVG);
  for (const size of SIZES) writeFileSync(join(pagesDir, `bench-${size}.html`), pageHtml(size, size === 3 ? ['open-ai.chat-completion'] : names));

  const server = await serveFixtures({ distDir, pagesDir });
  const browser = await launchBrowser();
  const browserVersion = browser.version();
  const results = {};
  try {
    for (const size of SIZES) {
      results[size] = [];
      for (let run = 0; run < RUNS; run++) {
        const progress = `[bench] ${size} snippets, run ${run + 1}/${RUNS}`;
        if (process.stdout.isTTY) process.stdout.write(`\r${progress}   `);
        else console.log(progress);
        results[size].push(await measure(browser, `${server.url}/bench-${size}.html`, { visitTabs: size === 3 }));
      }
    }
    if (process.stdout.isTTY) process.stdout.write('\n');
  } finally {
    await browser.close();
    await server.close();
    rmSync(pagesDir, { recursive: true, force: true });
  }

  const loadAfter = loadavg();
  const summary = {};
  for (const size of SIZES) {
    summary[size] = {};
    for (const [, key] of ROWS) summary[size][key] = summarize(results[size].map((r) => r[key]));
  }
  const header = ['metric', ...SIZES.map((s) => `${s} snippets: median (min–max)`)];
  const lines = ROWS.map(([label, key, fmt]) => [
    label,
    ...SIZES.map((size) => {
      const s = summary[size][key];
      if (s.median === null) return '—';
      return s.min === s.max ? fmt(s.median) : `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`;
    }),
  ]);
  console.log(`\nSnippet widget benchmark — ${RUNS} cold runs per page, viewport ${VIEWPORT.width}×${VIEWPORT.height}\n`);
  console.log(formatTable([header, ...lines]));

  const files = results[3][0].files.map((f) => `  ${f.initial ? 'load' : 'tabs'}  ${(f.gzip / KB).toFixed(1).padStart(6)} KB gz  ${(f.raw / KB).toFixed(1).padStart(7)} KB raw  ${f.url}`);
  console.log(`\nFiles the 3-snippet page downloaded (first run):\n${files.join('\n')}`);

  const budgets = BUDGETS.map((b) => {
    const value = summary[b.page][b.metric].median;
    const status = value === null ? 'FAIL' : value <= b.max ? 'PASS' : 'FAIL';
    return { ...b, value, status };
  });
  console.log('\nBudgets (median of the runs):');
  for (const b of budgets) {
    const show = b.unit === 'bytes' ? fmtBytes : fmtMs;
    console.log(`  ${b.status}  ${b.name}: ${show(b.value)} (budget ≤ ${show(b.max)})`);
  }
  const busiest = Math.max(loadBefore[0], loadAfter[0]);
  console.log(`\nMachine: ${cpus().length} CPUs, 1-min load average ${loadBefore[0].toFixed(1)} before, ${loadAfter[0].toFixed(1)} after.`);
  if (busiest > cpus().length) console.log('  Note: the machine was busier than its CPU count; times are inflated — rerun on a quiet machine before trusting a FAIL.');
  const pageErrors = SIZES.flatMap((size) => results[size].flatMap((r) => r.errors.map((e) => `${size}: ${e}`)));
  if (pageErrors.length) console.log(`\nPage errors seen during the runs:\n  ${[...new Set(pageErrors)].join('\n  ')}`);

  let commit = null;
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout: fine for a report
  }
  mkdirSync(join(REPO_ROOT, 'bench'), { recursive: true });
  const out = join(REPO_ROOT, 'bench/results.json');
  writeFileSync(
    out,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        commit,
        chromium: browserVersion,
        node: process.version,
        cpus: cpus().length,
        loadAverage: { before: loadBefore, after: loadAfter },
        runs: RUNS,
        viewport: VIEWPORT,
        snippetNames: names,
        budgets,
        summary,
        raw: results,
      },
      null,
      2,
    ),
  );
  console.log(`\nWrote ${out} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error) => {
  console.error(`\n[bench] measurement failed: ${error?.stack ?? error}`);
  process.exit(1);
});
