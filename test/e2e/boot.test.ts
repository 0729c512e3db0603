// Issue 17, item 8: each step of the start-up (the page API, the custom element, sizing embeds,
// the observers) fails alone, with one `[snippets]` line, on a page that breaks it before the
// bundle loads (test/e2e/pages/boot-faults.js); `window.Snippets` already taken is never a
// reason to stop; a second copy of the bundle says which version runs, and renders nothing.
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestBuild, REPO_ROOT, serveFixtures } from './harness.mjs';
import { type OpenedPage, readSnippet, settle, usePages, waitForCode } from './helpers';

const open = usePages();
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const OTHER_VERSION = '9.9.9-other';

type BootWindow = Window & {
  __hostErrors: string[];
  Snippets: { version?: string; greet?: () => string; refresh?: () => void };
};

const snippetLines = (opened: OpenedPage) => opened.console.filter((line) => /^\w+: \[snippets\]/.test(line));

/** Both snippets ready (the `<aiml-snippet>` is served as any snippet element, registered or not) and the embed sized. */
async function expectWorking(opened: OpenedPage): Promise<void> {
  const { page } = opened;
  for (const id of ['#top', '#element']) {
    await settle(page, id);
    expect((await readSnippet(page, id)).colouredTokens, id).toBeGreaterThan(10);
  }
  await expectEmbedSized(page);
  expect(await page.evaluate(() => (window as unknown as BootWindow).__hostErrors ?? [])).toEqual([]);
  expect(opened.pageErrors).toEqual([]);
}

/** The embed frame took the height of its content (a default iframe is 150px high). */
async function expectEmbedSized(page: Page): Promise<void> {
  await page.waitForFunction(() => parseFloat(document.querySelector<HTMLIFrameElement>('#embed')!.style.height) > 200);
}

describe('each step of the start-up fails alone', () => {
  it('customElements.define throws: one line; window.Snippets, the snippets (<aiml-snippet> too) and the embed work', async () => {
    const opened = await open('/boot.html?break=define');
    await expectWorking(opened);
    expect(await opened.page.evaluate(() => (window as unknown as BootWindow).Snippets.version)).toBe(VERSION);
    expect(await opened.page.evaluate(() => customElements.get('aiml-snippet'))).toBeUndefined();
    expect(snippetLines(opened)).toEqual([expect.stringMatching(/^error: \[snippets\] could not define <aiml-snippet> .*customElements\.define is broken/)]);
  });

  it('IntersectionObserver throws: one line; every snippet is served at once', async () => {
    const opened = await open('/boot.html?break=intersection');
    await expectWorking(opened);
    expect(await opened.page.evaluate(() => (window as unknown as BootWindow).Snippets.version)).toBe(VERSION);
    expect(snippetLines(opened)).toEqual([expect.stringMatching(/^error: \[snippets\] could not watch which snippets are near the viewport \(IntersectionObserver\)/)]);
  });

  it('MutationObserver throws: one line; the snippets work, and one added later shows after Snippets.refresh()', async () => {
    const opened = await open('/boot.html?break=mutation');
    const { page } = opened;
    await expectWorking(opened);
    expect(snippetLines(opened)).toEqual([expect.stringMatching(/^error: \[snippets\] could not follow the page \(MutationObserver\).*Snippets\.refresh\(\)/)]);
    await page.evaluate(() => {
      const later = document.createElement('snippet');
      later.id = 'later';
      later.setAttribute('data-name', 'open-ai.chat-completion');
      later.setAttribute('data-model', 'added-later-model');
      document.querySelector('main')!.prepend(later);
      (window as unknown as BootWindow).Snippets.refresh!();
    });
    await waitForCode(page, '#later', 'added-later-model');
  });
});

describe('window.Snippets already there', () => {
  it('another script’s, with a version: kept and said so in one line; the snippets and the embed work', async () => {
    const opened = await open('/boot.html?break=theirs');
    await expectWorking(opened);
    expect(await opened.page.evaluate(() => (window as unknown as BootWindow).Snippets.greet!())).toBe('still theirs');
    expect(snippetLines(opened)).toEqual([
      'warning: [snippets] window.Snippets already belongs to another script (version "2.4.0-theirs"); it was left as it is, and the snippets run without the page API. Rename the other script\'s global to use Snippets.setPayload, refresh and on.',
    ]);
  });

  it('the loader stub with a version: its calls are replayed and the API takes over, silently', async () => {
    const opened = await open('/boot.html?break=stub-version');
    await expectWorking(opened);
    await waitForCode(opened.page, '#top', 'queued-by-a-versioned-stub');
    expect(await opened.page.evaluate(() => (window as unknown as BootWindow).Snippets.version)).toBe(VERSION);
    expect(snippetLines(opened)).toEqual([]);
  });

  it('a Proxy whose traps throw: the API replaces it, with one line', async () => {
    const opened = await open('/boot.html?break=proxy');
    await expectWorking(opened);
    expect(await opened.page.evaluate(() => (window as unknown as BootWindow).Snippets.version)).toBe(VERSION);
    expect(snippetLines(opened)).toEqual([expect.stringMatching(/^warning: \[snippets\] window\.Snippets could not be read .*the page API replaces it/)]);
  });

  it('a loader stub whose queue is a Proxy that throws: the API is set up, with one line', async () => {
    const opened = await open('/boot.html?break=proxy-queue');
    await expectWorking(opened);
    expect(await opened.page.evaluate(() => (window as unknown as BootWindow).Snippets.version)).toBe(VERSION);
    expect((await readSnippet(opened.page, '#top')).code).not.toContain('never-read');
    expect(snippetLines(opened)).toEqual([expect.stringMatching(/^warning: \[snippets\] the calls queued in window\.Snippets\.q could not be read/)]);
  });
});

describe('two copies of the bundle on one page', () => {
  let server: Awaited<ReturnType<typeof serveFixtures>>;
  beforeAll(async () => {
    // Another version of the bundle: the same build, its version changed, beside the same chunks.
    const dist = ensureTestBuild();
    const other = mkdtempSync(join(tmpdir(), 'snippets-other-version-'));
    const bundle = readFileSync(join(dist, 'bundle.js'), 'utf8');
    const versioned = bundle.replace(`\`${VERSION}\``, `\`${OTHER_VERSION}\``);
    expect(versioned, 'the bundle holds its version as a literal').not.toBe(bundle);
    writeFileSync(join(other, 'bundle.js'), versioned);
    symlinkSync(join(dist, 'chunks'), join(other, 'chunks'));
    server = await serveFixtures({ distDir: dist, mounts: { '/other/': other } });
  });
  afterAll(() => server?.close());

  it('the second logs one line saying which version runs, and nothing renders twice', async () => {
    const opened = await open(`${server.url}/boot-twice.html`);
    const { page } = opened;
    await expectWorking(opened);
    expect(snippetLines(opened)).toEqual([
      `warning: [snippets] the bundle is on this page twice: version ${VERSION} is running, and this copy (${OTHER_VERSION}) stays idle.`,
    ]);
    expect(await page.evaluate(() => (window as unknown as BootWindow).Snippets.version)).toBe(VERSION);
    // One viewer per element, and a new rendering announced once.
    expect(
      await page.evaluate(() => ['#top', '#element'].map((id) => document.querySelectorAll(`${id} > [data-snippet-root]`).length)),
    ).toEqual([1, 1]);
    await page.evaluate(() => {
      const renders: string[] = [];
      (window as unknown as { __renders: string[] }).__renders = renders;
      document.addEventListener('snippet:render', (event) => renders.push((event.target as Element).id));
    });
    await page.evaluate(() => (window as unknown as { Snippets: { setPayload(values: object): void } }).Snippets.setPayload({ model: 'once' }));
    await waitForCode(page, '#top', 'model="once"');
    const renders = await page.evaluate(() => (window as unknown as { __renders: string[] }).__renders);
    expect(renders.filter((id) => id === 'top')).toEqual(['top']);
    expect(opened.problems()).toEqual([]);
  });
});
