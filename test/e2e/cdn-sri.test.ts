// Issue 7, Subresource Integrity: a page on origin A pastes the tags the build prints
// (`integrity` from dist/manifest.json, `crossorigin="anonymous"`) pointing at origin B, the CDN.
// The bundle must load, render and lazy-load its chunks from B; a wrong hash must block it
// without breaking the page.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ReleaseManifest, releaseTags, sriHash } from '../../build/release-manifest';
import { ensureTestBuild, PAGES_DIR, serveFixtures } from './harness.mjs';
import { type OpenedPage, openPage, readSnippet, settle, useBrowser } from './helpers';

const DIST_DIR = ensureTestBuild();
const PLACEHOLDER = /<!-- release tags:[^>]*-->/;

type Server = Awaited<ReturnType<typeof serveFixtures>>;
let cdn: Server; // origin B: the built dist
let site: Server; // origin A: the docs page, and no bundle of its own
let generated: string;
let manifest: ReleaseManifest;
const browser = useBrowser();
let opened: OpenedPage | undefined;

type SriWindow = Window & { __resourceErrors: string[]; Snippets?: unknown };

beforeAll(async () => {
  manifest = JSON.parse(readFileSync(join(DIST_DIR, 'manifest.json'), 'utf8')) as ReleaseManifest;
  cdn = await serveFixtures({ distDir: DIST_DIR, pagesDir: DIST_DIR });
  generated = mkdtempSync(join(tmpdir(), 'snippets-cdn-sri-'));
  // Origin A's /dist/ is an empty folder: whatever renders came from origin B.
  site = await serveFixtures({ distDir: generated, pagesDir: PAGES_DIR, mounts: { '/sri/': generated } });

  const template = readFileSync(join(PAGES_DIR, 'cdn-sri.html'), 'utf8');
  expect(template).toMatch(PLACEHOLDER);
  const tags = releaseTags(manifest, `${cdn.url}/`);
  writeFileSync(join(generated, 'good.html'), template.replace(PLACEHOLDER, tags.join('\n  ')));
  // The same tags with a hash that is well formed but not the bundle's.
  const wrong = sriHash(new TextEncoder().encode('not the bundle'));
  const jsIntegrity = manifest.files.find((f) => f.file === 'bundle.js')!.integrity;
  const tampered = tags.map((tag) => tag.replace(jsIntegrity, wrong));
  expect(tampered).not.toEqual(tags);
  writeFileSync(join(generated, 'wrong-hash.html'), template.replace(PLACEHOLDER, tampered.join('\n  ')));
});
afterAll(async () => {
  await cdn?.close();
  await site?.close();
  if (generated) rmSync(generated, { recursive: true, force: true });
});
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

const integrityOf = (file: string) => manifest.files.find((entry) => entry.file === file)?.integrity;

describe('bundle on a CDN origin, loaded with Subresource Integrity', () => {
  it('the manifest hashes are those of the bytes the CDN serves', async () => {
    for (const file of ['bundle.js', 'bundle.css']) {
      const response = await fetch(`${cdn.url}/${file}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(sriHash(new Uint8Array(await response.arrayBuffer())), file).toBe(integrityOf(file));
    }
  });

  it('renders highlighted code, with the lazy chunks loaded from the CDN origin', async () => {
    opened = await openPage(browser(), `${site.url}/sri/good.html`);
    const { page } = opened;
    expect(new URL(opened.url).origin).not.toBe(cdn.url);

    // The tags on the page are the printed ones: integrity and crossorigin on both.
    const tags = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[integrity], link[integrity]')].map((el) => ({
        url: el instanceof HTMLScriptElement ? el.src : el.href,
        integrity: el.integrity,
        crossOrigin: el.crossOrigin,
      })),
    );
    expect(tags).toEqual([
      { url: `${cdn.url}/bundle.js`, integrity: integrityOf('bundle.js'), crossOrigin: 'anonymous' },
      { url: `${cdn.url}/bundle.css`, integrity: integrityOf('bundle.css'), crossOrigin: 'anonymous' },
    ]);

    await settle(page, '#chat');
    const info = await readSnippet(page, '#chat');
    expect(info.code).toContain('model="cdn-model"');
    expect(info.tokenSpans).toBeGreaterThan(10);
    expect(info.colouredTokens, 'highlighted: the grammar chunk loaded').toBeGreaterThan(0);
    // bundle.css applied: the element is a block, the author's fallback is hidden.
    expect(await page.locator('#chat').evaluate((el) => getComputedStyle(el).display)).toBe('block');
    expect(await page.locator('#fallback').isVisible()).toBe(false);
    expect(await page.evaluate(() => typeof (window as unknown as SriWindow).Snippets)).toBe('object');

    // Highlighted at run time: Shiki and the grammars come from the CDN too, the other tab's later.
    await settle(page, '#quoted');
    expect((await readSnippet(page, '#quoted')).code).toContain('"Define \\"attention\\" in one line."');
    expect((await readSnippet(page, '#quoted')).colouredTokens).toBeGreaterThan(0);
    await page.locator('#quoted [role=tab][data-lang="js"]').click();
    await settle(page, '#quoted');
    expect((await readSnippet(page, '#quoted')).colouredTokens).toBeGreaterThan(0);

    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    const fromCdn = loaded.filter((url) => url.startsWith(`${cdn.url}/`)).map((url) => new URL(url).pathname.slice(1));
    expect(fromCdn).toContain('bundle.js');
    expect(fromCdn).toContain('bundle.css');
    expect(fromCdn.some((file) => /^chunks\/snippet\.open-ai\.chat-completion-[\w-]+\.js$/.test(file)), fromCdn.join('\n')).toBe(true);
    // Fetched ahead with the templates (a value the build's tokens cannot take is known from
    // the attributes), once: the import() that runs them reuses the fetch.
    expect(fromCdn.filter((file) => /^chunks\/create-shiki-tokenizer-[\w-]+\.js$/.test(file)), fromCdn.join('\n')).toHaveLength(1);
    expect(fromCdn.filter((file) => /^chunks\/python-[\w-]+\.js$/.test(file)), fromCdn.join('\n')).toHaveLength(1);
    expect(await page.locator('link[rel="modulepreload"][href*="/chunks/create-shiki-tokenizer-"]').count()).toBe(1);
    expect(fromCdn.some((file) => /^chunks\/javascript-[\w-]+\.js$/.test(file)), fromCdn.join('\n')).toBe(true);
    // Every file the widget fetched is in the release manifest (so it has a hash to pin).
    for (const file of fromCdn) expect(integrityOf(file), `${file} is listed in manifest.json`).toMatch(/^sha384-/);
    // Nothing of the widget came from the page's own origin.
    const fromSite = loaded.filter((url) => url.startsWith(site.url)).map((url) => new URL(url).pathname);
    expect(fromSite.filter((path) => path !== '/favicon.svg').sort()).toEqual(['/cdn-sri.js', '/docs.css']);

    expect(await page.evaluate(() => (window as unknown as SriWindow).__resourceErrors)).toEqual([]);
    expect(opened.problems()).toEqual([]);
  });

  it('a wrong integrity hash blocks the bundle: nothing renders, the author’s content stays, the page keeps working', async () => {
    opened = await openPage(browser(), `${site.url}/sri/wrong-hash.html`);
    const { page } = opened;
    // The browser refused the script (its `error` event), so it never ran.
    await page.waitForFunction(() => (window as unknown as SriWindow).__resourceErrors.length > 0);
    expect(await page.evaluate(() => (window as unknown as SriWindow).__resourceErrors)).toEqual([`${cdn.url}/bundle.js`]);
    expect(opened.console.filter((line) => /integrity/i.test(line) && line.includes(`${cdn.url}/bundle.js`)).length).toBeGreaterThan(0);

    expect(await page.evaluate(() => typeof (window as unknown as SriWindow).Snippets)).toBe('undefined');
    const chat = page.locator('#chat');
    expect(await chat.getAttribute('data-state')).toBeNull();
    expect(await chat.locator('[data-snippet-root]').count()).toBe(0);
    // The stylesheet (right hash) still applies, and the author's fallback content shows.
    expect(await chat.evaluate((el) => getComputedStyle(el).display)).toBe('block');
    expect(await page.locator('#fallback').isVisible()).toBe(true);
    expect(await page.locator('#fallback').innerText()).toBe('pip install openai');

    // No chunk was requested, and the host page's own script still works.
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    expect(loaded.filter((url) => url.includes('/chunks/'))).toEqual([]);
    await page.locator('#host-button').click();
    await page.locator('#host-button').click();
    expect(await page.locator('#host-count').innerText()).toBe('2');
    expect(opened.pageErrors).toEqual([]);
  });
});
