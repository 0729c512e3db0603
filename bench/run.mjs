// `npm run bench`: the built bundle in system Chromium — bytes, time to readable / highlighted
// code, every snippet's code in the page, main-thread long tasks and JS heap, on generated pages.
// A report, not a test: it exits 0 when a budget fails, and 1 only when the measurement itself fails.
//
//   npm run bench                                   build, then measure it
//   npm run bench -- --dist <dir>                   measure a build made elsewhere
//   npm run bench -- --baseline <dir>               also measure another build, load for load
//                                                   interleaved with this one: before/after
//   npm run bench -- --only 3,runtime --runs 9      some pages only; more loads per page
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureChromium } from '../scripts/ensure-chromium.mjs';
import { launchBrowser } from '../test/e2e/browser.mjs';
import { buildBundle, REPO_ROOT, serveFixtures } from '../test/e2e/harness.mjs';
import { measure, VIEWPORT } from './measure.mjs';
import { createPrerenderer } from './prerender.mjs';
import { FAVICON_SVG, PAGE_CSS, PAGES } from './pages.mjs';
import { formatTable, summarize } from './stats.mjs';

const { values: args } = parseArgs({
  options: {
    dist: { type: 'string' },
    baseline: { type: 'string' },
    only: { type: 'string' },
    runs: { type: 'string', default: process.env.BENCH_RUNS ?? '5' },
  },
});
const RUNS = Number(args.runs);

// The pages as measured; `3@40ms` is the 3-snippet page with 40 ms added to every request, as a
// reader far from the CDN sees it (reported, not budgeted).
const SCENARIOS = [
  { key: '3', page: '3', label: '3 snippets' },
  { key: 'pre3', page: 'pre3', label: '3, rendered ahead' },
  { key: 'runtime', page: 'runtime', label: '3, Shiki at run time' },
  { key: 'short', page: 'mixed', label: '12 short, 15px' },
  { key: '50', page: '50', label: '50 snippets' },
  { key: '300', page: '300', label: '300 snippets' },
  { key: 'pre300', page: 'pre300', label: '300, rendered ahead' },
  { key: '1000', page: '1000', label: '1,000 snippets' },
  { key: '3@40ms', page: '3', latencyMs: 40, label: '3 @ 40 ms RTT' },
].filter(({ key }) => !args.only || args.only.split(',').includes(key));
const KB = 1024;

const BUDGETS = [
  { name: 'JS+CSS downloaded, 3-snippet page (gzip)', page: '3', metric: 'jsCssGzipInitial', max: 150 * KB, unit: 'bytes' },
  { name: 'first snippet readable, 3-snippet page', page: '3', metric: 'firstReadableMs', max: 200, unit: 'ms' },
  { name: 'all visible snippets highlighted, 3-snippet page', page: '3', metric: 'visibleHighlightedMs', max: 350, unit: 'ms' },
  { name: 'viewport highlighted, 300-snippet page', page: '300', metric: 'visibleHighlightedMs', max: 500, unit: 'ms' },
  { name: 'total long tasks, 300-snippet page', page: '300', metric: 'longTaskMs', max: 150, unit: 'ms' },
  { name: 'total long tasks, 1,000-snippet page', page: '1000', metric: 'longTaskMs', max: 400, unit: 'ms' },
  { name: 'longest long task, 1,000-snippet page', page: '1000', metric: 'maxLongTaskMs', max: 100, unit: 'ms' },
  { name: "every snippet's code in the page, 1,000-snippet page", page: '1000', metric: 'allCodeMs', max: 3000, unit: 'ms' },
  { name: 'layout shift, short samples at 15px', page: 'short', metric: 'layoutShift', max: 0.001, unit: 'score' },
].filter(({ page }) => SCENARIOS.some(({ key }) => key === page));

const fmtBytes = (v) => (v === null ? '—' : `${(v / KB).toFixed(1)} KB`);
const fmtMs = (v) => (v === null ? '—' : `${v.toFixed(0)} ms`);
const fmtMb = (v) => (v === null ? '—' : `${(v / KB / KB).toFixed(1)} MB`);
const fmtCount = (v) => (v === null ? '—' : `${Math.round(v)}`);
const fmtScore = (v) => (v === null ? '—' : v.toFixed(3));
const FORMATS = { bytes: fmtBytes, ms: fmtMs, score: fmtScore };

const ROWS = [
  ['entry bundle.js (gzip)', 'entryGzip', fmtBytes],
  ['JS+CSS on load (gzip)', 'jsCssGzipInitial', fmtBytes],
  ['JS+CSS after py/js/sh tabs (gzip)', 'jsCssGzipAllTabs', fmtBytes],
  ['HTML of the page', 'htmlBytes', fmtBytes],
  ['HTML of the page, gzip', 'htmlGzip', fmtBytes],
  ['first contentful paint', 'firstPaintMs', fmtMs],
  ['DOMContentLoaded', 'domContentLoadedMs', fmtMs],
  ['first snippet readable', 'firstReadableMs', fmtMs],
  ['all visible highlighted', 'visibleHighlightedMs', fmtMs],
  ['all visible interactive (ready)', 'visibleReadyMs', fmtMs],
  ["every snippet's code in the page", 'allCodeMs', fmtMs],
  ['long tasks, total', 'longTaskMs', fmtMs],
  ['longest long task', 'maxLongTaskMs', fmtMs],
  ['layout shift (CLS, whole load)', 'layoutShift', fmtScore],
  ['JS heap used (after GC)', 'heapUsedBytes', fmtMb],
  ['DOM nodes', 'domNodes', fmtCount],
];

async function main() {
  ensureChromium();
  const started = Date.now();
  const loadBefore = loadavg();
  const builds = [{ label: 'this build', dir: args.dist ? resolve(args.dist) : buildBundle(join(REPO_ROOT, 'test-artifacts/bench-dist')) }];
  if (args.baseline) builds.unshift({ label: 'baseline', dir: resolve(args.baseline) });
  for (const { dir } of builds) if (!existsSync(join(dir, 'bundle.js'))) throw new Error(`${dir} has no bundle.js: build it first with "npx vite build --outDir ${dir}"`);

  const pagesDir = mkdtempSync(join(tmpdir(), 'snippets-bench-'));
  writeFileSync(join(pagesDir, 'bench.css'), PAGE_CSS);
  writeFileSync(join(pagesDir, 'favicon.svg'), FAVICON_SVG);
  const prerenderer = SCENARIOS.some(({ page }) => PAGES[page].prerendered) ? await createPrerenderer() : null;
  try {
    if (prerenderer) writeFileSync(join(pagesDir, 'viewer.css'), prerenderer.viewerCss);
    for (const { page } of SCENARIOS) {
      const { file, html, prerendered } = PAGES[page];
      writeFileSync(join(pagesDir, file), prerendered ? await prerenderer.render(html(), prerendered) : html());
    }
  } finally {
    await prerenderer?.close();
  }

  const servers = await Promise.all(builds.map(({ dir }) => serveFixtures({ distDir: dir, pagesDir })));
  const browser = await launchBrowser();
  const browserVersion = browser.version();
  // results[build][scenario] = one measurement per run
  const results = builds.map(() => Object.fromEntries(SCENARIOS.map(({ key }) => [key, []])));
  const url = (b, { page }) => `${servers[b].url}/${PAGES[page].file}${PAGES[page].query ?? ''}`;
  try {
    // One load of each page first, not counted: the browser's own first-use costs (its code,
    // fonts, processes) are not the page's; every counted load is still cold for the page.
    for (const scenario of SCENARIOS) for (let b = 0; b < builds.length; b++) await measure(browser, url(b, scenario), { visitTabs: false, latencyMs: scenario.latencyMs ?? 0 });
    // Round by round through the pages (and, with a baseline, the builds in alternating order),
    // so that the machine's drift (a shared 2-core VM) spreads over all of them.
    for (let run = 0; run < RUNS; run++) {
      for (const scenario of SCENARIOS) {
        const order = run % 2 ? [...builds.keys()].reverse() : [...builds.keys()];
        for (const b of order) {
          const progress = `[bench] ${scenario.label}${builds.length > 1 ? ` (${builds[b].label})` : ''}, run ${run + 1}/${RUNS}`;
          if (process.stdout.isTTY) process.stdout.write(`\r${progress}      `);
          else console.log(progress);
          results[b][scenario.key].push(await measure(browser, url(b, scenario), { visitTabs: scenario.key === '3', latencyMs: scenario.latencyMs ?? 0 }));
        }
      }
    }
    if (process.stdout.isTTY) process.stdout.write('\n');
  } finally {
    await browser.close();
    await Promise.all(servers.map((server) => server.close()));
    rmSync(pagesDir, { recursive: true, force: true });
  }

  const loadAfter = loadavg();
  const summaries = results.map((byScenario) =>
    Object.fromEntries(SCENARIOS.map(({ key }) => [key, Object.fromEntries(ROWS.map(([, metric]) => [metric, summarize(byScenario[key].map((r) => r[metric]))]))])),
  );
  const cell = (s, fmt) => (s.median === null ? '—' : s.min === s.max ? fmt(s.median) : `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`);
  console.log(`\nSnippet widget benchmark — ${RUNS} cold runs per page after one uncounted load, viewport ${VIEWPORT.width}×${VIEWPORT.height}`);
  for (let b = 0; b < builds.length; b++) {
    const header = ['metric', ...SCENARIOS.map(({ label }) => label)];
    const lines = ROWS.map(([label, metric, fmt]) => [label, ...SCENARIOS.map(({ key }) => cell(summaries[b][key][metric], fmt))]);
    console.log(`\n${builds[b].label}: ${builds[b].dir} — median (min–max)\n`);
    console.log(formatTable([header, ...lines]));
  }

  const files = results.at(-1)[SCENARIOS[0].key][0].files.map(
    (f) => `  ${f.initial ? 'load' : 'tabs'}  ${(f.gzip / KB).toFixed(1).padStart(6)} KB gz  ${(f.raw / KB).toFixed(1).padStart(7)} KB raw  ${f.url}`,
  );
  console.log(`\nFiles the ${SCENARIOS[0].label} page downloaded (first run, this build):\n${files.join('\n')}`);

  const budgets = BUDGETS.map((budget) => {
    const value = summaries.at(-1)[budget.page][budget.metric].median;
    return { ...budget, value, status: value === null ? 'FAIL' : value <= budget.max ? 'PASS' : 'FAIL' };
  });
  console.log('\nBudgets (median of the runs, this build):');
  for (const b of budgets) console.log(`  ${b.status}  ${b.name}: ${FORMATS[b.unit](b.value)} (budget ≤ ${FORMATS[b.unit](b.max)})`);
  const busiest = Math.max(loadBefore[0], loadAfter[0]);
  console.log(`\nMachine: ${cpus().length} CPUs, 1-min load average ${loadBefore[0].toFixed(1)} before, ${loadAfter[0].toFixed(1)} after.`);
  if (busiest > cpus().length) console.log('  Note: the machine was busier than its CPU count; times are inflated — rerun on a quiet machine before trusting a FAIL.');
  const pageErrors = results.flatMap((byScenario, b) => SCENARIOS.flatMap(({ key }) => byScenario[key].flatMap((r) => r.errors.map((e) => `${builds[b].label} ${key}: ${e}`))));
  if (pageErrors.length) console.log(`\nPage errors seen during the runs:\n  ${[...new Set(pageErrors)].join('\n  ')}`);

  let commit = null;
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout: fine for a report
  }
  mkdirSync(join(REPO_ROOT, 'bench'), { recursive: true });
  const out = join(REPO_ROOT, 'bench/results.json');
  const report = {
    date: new Date().toISOString(),
    commit,
    chromium: browserVersion,
    node: process.version,
    cpus: cpus().length,
    loadAverage: { before: loadBefore, after: loadAfter },
    runs: RUNS,
    viewport: VIEWPORT,
    builds: builds.map(({ label, dir }, b) => ({ label, dir, summary: summaries[b], raw: results[b] })),
    budgets,
  };
  writeFileSync(out, JSON.stringify(report, null, 2));
  console.log(`\nWrote ${out} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error) => {
  console.error(`\n[bench] measurement failed: ${error?.stack ?? error}`);
  process.exit(1);
});
