// `npm run bench:compare -- <distA> <distB>`: two builds of the widget, loaded alternately
// (A, B, A, B …) on the same generated page, so that the machine's drift hits both alike.
// On a shared 2-core machine a single benchmark's median moves ±30 % between runs; a design
// change is judged by this comparison, not by two benchmark runs taken minutes apart.
//
// Options: --size N (snippets on the page, default 3), --runs N (per build, default 15),
// --latency MS (round-trip time added to every request, default 0: the local server's).
// Build a variant with `npx vite build --outDir <dir>`.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureChromium } from '../scripts/ensure-chromium.mjs';
import { launchBrowser } from '../test/e2e/browser.mjs';
import { serveFixtures } from '../test/e2e/harness.mjs';
import { measure } from './measure.mjs';
import { FAVICON_SVG, NAMES, pageHtml, PAGE_CSS } from './pages.mjs';
import { formatTable, summarize } from './stats.mjs';

const METRICS = [
  ['first snippet readable', 'firstReadableMs'],
  ['all visible highlighted', 'visibleHighlightedMs'],
  ['all visible interactive', 'visibleReadyMs'],
  ['long tasks, total', 'longTaskMs'],
];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { size: { type: 'string', default: '3' }, runs: { type: 'string', default: '15' }, latency: { type: 'string', default: '0' } },
});
const [distA, distB] = positionals.map((dir) => resolve(dir));
if (!distA || !distB) {
  console.error('usage: npm run bench:compare -- <distA> <distB> [--size 3] [--runs 15] [--latency 0]');
  process.exit(2);
}
for (const dir of [distA, distB]) {
  if (!existsSync(join(dir, 'bundle.js'))) {
    console.error(`${dir} has no bundle.js: build it first with "npx vite build --outDir ${dir}"`);
    process.exit(2);
  }
}
const size = Number(values.size);
const runs = Number(values.runs);
const latencyMs = Number(values.latency);

ensureChromium();
const pagesDir = mkdtempSync(join(tmpdir(), 'snippets-compare-'));
writeFileSync(join(pagesDir, 'bench.css'), PAGE_CSS);
writeFileSync(join(pagesDir, 'favicon.svg'), FAVICON_SVG);
writeFileSync(join(pagesDir, 'page.html'), pageHtml(size, size === 3 ? NAMES.slice(0, 1) : NAMES));
const servers = await Promise.all([distA, distB].map((distDir) => serveFixtures({ distDir, pagesDir })));
const browser = await launchBrowser();
const results = [[], []];
try {
  for (let run = 0; run < runs; run++) {
    // Alternate which build goes first, so neither always follows the other.
    const order = run % 2 ? [1, 0] : [0, 1];
    for (const which of order) results[which].push(await measure(browser, `${servers[which].url}/page.html`, { visitTabs: false, latencyMs }));
    if (process.stdout.isTTY) process.stdout.write(`\r[compare] ${run + 1}/${runs}   `);
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((server) => server.close()));
  rmSync(pagesDir, { recursive: true, force: true });
}

const cell = (list) => {
  const s = summarize(list);
  return s.median === null ? '—' : `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
};
const rows = METRICS.map(([label, key]) => {
  const [a, b] = results.map((list) => list.map((r) => r[key]));
  const [ma, mb] = [summarize(a).median, summarize(b).median];
  const delta = ma === null || mb === null ? '—' : `${mb - ma >= 0 ? '+' : ''}${(mb - ma).toFixed(0)} ms`;
  return [label, cell(a), cell(b), delta];
});
console.log(`\n${size}-snippet page, ${runs} cold loads per build, interleaved, ${latencyMs} ms added latency\nA = ${distA}\nB = ${distB}\n`);
console.log(formatTable([['metric (median, min–max)', 'A', 'B', 'B − A'], ...rows]));
