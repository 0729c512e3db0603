// `npm run bench:memory`: what the widget keeps in memory, in system Chromium. A page of 2,000
// snippets scrolled through to the bottom (heap after GC, DOM nodes and listeners, once every
// snippet's code is in the page and again after the scroll, past the release of viewers far
// away), and the single-page-app page churned for 500 insert/remove cycles (heap and nodes at
// cycle 50 and at 500: growth between them is a leak). A report, like `npm run bench`.
//
//   npm run bench:memory                              build, then measure it
//   npm run bench:memory -- --dist <dir>              measure a build made elsewhere
//   npm run bench:memory -- --baseline <dir>          also measure another build (or several:
//                                                     repeat it), back to back, in that order
//   npm run bench:memory -- --size 500 --cycles 100   a smaller page, fewer cycles
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureChromium } from '../scripts/ensure-chromium.mjs';
import { launchBrowser } from '../test/e2e/browser.mjs';
import { buildBundle, PAGES_DIR, REPO_ROOT, serveFixtures } from '../test/e2e/harness.mjs';
import { measureChurn, measureScroll, MEMORY_VIEWPORT } from './measure-memory.mjs';
import { FAVICON_SVG, NAMES, PAGE_CSS, pageHtml } from './pages.mjs';
import { formatTable } from './stats.mjs';

const { values: args } = parseArgs({
  options: {
    dist: { type: 'string' },
    baseline: { type: 'string', multiple: true },
    size: { type: 'string', default: '2000' },
    cycles: { type: 'string', default: '500' },
    only: { type: 'string' },
  },
});
const SIZE = Number(args.size);
const CYCLES = Number(args.cycles);
const ONLY = args.only ? args.only.split(',') : ['scroll', 'churn'];
const MB = 1024 * 1024;
const BUDGETS = { heapUsedBytes: 40 * MB, nodes: 200_000 };

const mb = (v) => (v === null || v === undefined ? '—' : `${(v / MB).toFixed(1)} MB`);
const count = (v) => (v === null || v === undefined ? '—' : `${Math.round(v).toLocaleString('en')}`);
const signedMb = (v) => `${v >= 0 ? '+' : ''}${(v / MB).toFixed(2)} MB`;
const signed = (v) => `${v >= 0 ? '+' : ''}${Math.round(v).toLocaleString('en')}`;
const states = (byState) =>
  Object.entries(byState)
    .map(([state, { snippets, shadowNodes, spans }]) => `${state} ${snippets} (${Math.round(shadowNodes / snippets)} nodes, ${Math.round(spans / snippets)} spans each)`)
    .join('; ');

async function main() {
  ensureChromium();
  const started = Date.now();
  const loadBefore = loadavg();
  const builds = [{ label: 'this build', dir: args.dist ? resolve(args.dist) : buildBundle(join(REPO_ROOT, 'test-artifacts/bench-dist')) }];
  const baselines = args.baseline ?? [];
  builds.unshift(...baselines.map((dir, i) => ({ label: baselines.length > 1 ? `baseline ${i + 1}` : 'baseline', dir: resolve(dir) })));
  for (const { dir } of builds) if (!existsSync(join(dir, 'bundle.js'))) throw new Error(`${dir} has no bundle.js: build it first with "npx vite build --outDir ${dir}"`);

  const pagesDir = mkdtempSync(join(tmpdir(), 'snippets-memory-'));
  writeFileSync(join(pagesDir, 'bench.css'), PAGE_CSS);
  writeFileSync(join(pagesDir, 'favicon.svg'), FAVICON_SVG);
  writeFileSync(join(pagesDir, 'many.html'), pageHtml(SIZE, NAMES));
  // The browser tests' single-page-app page, as they serve it.
  const servers = await Promise.all(builds.map(({ dir }) => serveFixtures({ distDir: dir, pagesDir, mounts: { '/e2e/': PAGES_DIR } })));
  const browser = await launchBrowser();
  const results = builds.map(() => ({ scroll: null, churn: null }));
  try {
    // Back to back, build by build, so that both meet the same machine.
    for (let b = 0; b < builds.length; b++) {
      if (ONLY.includes('scroll')) {
        console.log(`[memory] ${builds[b].label}: ${SIZE}-snippet page, scrolling through`);
        results[b].scroll = await measureScroll(browser, `${servers[b].url}/many.html`);
      }
      if (ONLY.includes('churn')) {
        console.log(`[memory] ${builds[b].label}: single-page app, ${CYCLES} insert/remove cycles`);
        results[b].churn = await measureChurn(browser, `${servers[b].url}/e2e/spa.html`, { cycles: CYCLES, warmup: Math.min(50, CYCLES) });
      }
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((server) => server.close()));
    rmSync(pagesDir, { recursive: true, force: true });
  }

  console.log(`\nWidget memory — viewport ${MEMORY_VIEWPORT.width}×${MEMORY_VIEWPORT.height}, heap and counters after a forced GC`);
  const labels = builds.map(({ label }) => label);
  if (ONLY.includes('scroll')) {
    const row = (label, pick, fmt) => [label, ...results.map(({ scroll }) => fmt(pick(scroll)))];
    console.log(`\n${SIZE.toLocaleString('en')}-snippet page\n`);
    console.log(
      formatTable([
        ['', ...labels],
        row('JS heap, all code in the page', (s) => s.loaded.heapUsedBytes, mb),
        row('DOM nodes, all code in the page', (s) => s.loaded.nodes, count),
        row('listeners, all code in the page', (s) => s.loaded.listeners, count),
        row(`JS heap, scrolled to the bottom (budget ≤ ${mb(BUDGETS.heapUsedBytes)})`, (s) => s.scrolled.heapUsedBytes, mb),
        row(`DOM nodes, scrolled (budget ≤ ${count(BUDGETS.nodes)})`, (s) => s.scrolled.nodes, count),
        row('listeners, scrolled', (s) => s.scrolled.listeners, count),
        row('snippets drawn live during the scroll', (s) => `${count(s.scroll.wentLive)} of ${count(s.scroll.snippets)}`, String),
        row('scroll: steps (not settled in 3 s), time', (s) => s.scroll, (v) => `${v.steps} (${v.unsettled}), ${(v.scrollMs / 1000).toFixed(0)} s`),
      ]),
    );
    for (let b = 0; b < builds.length; b++) {
      const { scroll } = results[b];
      console.log(`\n${labels[b]} (${builds[b].dir}):`);
      console.log(`  loaded:    ${states(scroll.loaded.byState)}; ${count(scroll.loaded.treeNodes)} nodes in the document`);
      console.log(`  at bottom: ${states(scroll.atBottom.byState)}; ${count(scroll.atBottom.treeNodes)} nodes in the document`);
      console.log(`  released:  ${states(scroll.scrolled.byState)}; ${count(scroll.scrolled.treeNodes)} nodes in the document`);
      if (scroll.scrolled.counters) console.log(`  DOMCounters after the scroll: ${JSON.stringify(scroll.scrolled.counters)}`);
      const over = Object.entries(BUDGETS).filter(([metric, max]) => scroll.scrolled[metric] > max);
      console.log(`  budget: ${over.length ? `FAIL (${over.map(([metric]) => metric).join(', ')})` : 'PASS'}`);
    }
  }
  if (ONLY.includes('churn')) {
    const row = (label, pick, fmt) => [label, ...results.map(({ churn }) => fmt(pick(churn)))];
    const warmup = results[0].churn.warmup;
    console.log(`\nSingle-page app, ${CYCLES} insert/remove cycles (2 snippets out, 2 in, each way)\n`);
    console.log(
      formatTable([
        ['', ...labels],
        row('JS heap, first page', (c) => c.start.heapUsedBytes, mb),
        row(`JS heap, cycle ${warmup}`, (c) => c.warm.heapUsedBytes, mb),
        row(`JS heap, cycle ${CYCLES}`, (c) => c.end.heapUsedBytes, mb),
        row(`heap growth, cycle ${warmup} → ${CYCLES}`, (c) => c.end.heapUsedBytes - c.warm.heapUsedBytes, signedMb),
        row(`DOM nodes, cycle ${warmup} → ${CYCLES}`, (c) => `${count(c.warm.nodes)} → ${count(c.end.nodes)} (${signed(c.end.nodes - c.warm.nodes)})`, String),
        row(`listeners, cycle ${warmup} → ${CYCLES}`, (c) => `${count(c.warm.listeners)} → ${count(c.end.listeners)} (${signed(c.end.listeners - c.warm.listeners)})`, String),
        row('cycles not settled in 3 s; time', (c) => `${c.unsettled}; ${(c.churnMs / 1000).toFixed(0)} s`, String),
      ]),
    );
  }
  const errors = results.flatMap(({ scroll, churn }, b) => [...(scroll?.errors ?? []), ...(churn?.errors ?? [])].map((e) => `${labels[b]}: ${e}`));
  if (errors.length) console.log(`\nPage errors seen:\n  ${[...new Set(errors)].slice(0, 20).join('\n  ')}`);
  const loadAfter = loadavg();
  console.log(`\nMachine: ${cpus().length} CPUs, 1-min load average ${loadBefore[0].toFixed(1)} before, ${loadAfter[0].toFixed(1)} after.`);
  const out = join(REPO_ROOT, 'bench/results-memory.json');
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), size: SIZE, cycles: CYCLES, builds: builds.map((build, b) => ({ ...build, ...results[b] })) }, null, 2));
  console.log(`Wrote ${out} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error) => {
  console.error(`\n[memory] measurement failed: ${error?.stack ?? error}`);
  process.exit(1);
});
