// Issue 6, the iframe embed: `embed.html` served from a second origin inside a page on the
// first; bundle.js on the page sizes `<iframe data-snippet-embed>` from the frame's resize
// messages, and only from them (source = that frame's window, origin = its src origin, or
// "null" when sandboxed without allow-same-origin, and since issue 17 the token the parent
// put in the frame's URL). Issue 17 also: embed.html's own CSP, its chunk failing, the
// README's example on a strict host.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestBuild, PAGES_DIR, REPO_ROOT, STRICT_CSP, serveFixtures } from './harness.mjs';
import { type OpenedPage, openPage, readSnippet, settle, useBrowser } from './helpers';

const DIST_DIR = ensureTestBuild();
const RESIZE = 'aiml-snippets:resize';
/** A prompt long enough that its line wraps in a 560px frame once Wrap is on. */
const LONG_PROMPT = `Explain ${'the scattering of sunlight by the molecules of the atmosphere, '.repeat(3)}briefly.`;

type Server = Awaited<ReturnType<typeof serveFixtures>>;
let cdn: Server; // origin B: the built dist at `/` (under the strict CSP at `/csp/`), the test pages at `/e2e/`
let other: Server; // origin C: someone else's frame
const browser = useBrowser();
const pages: OpenedPage[] = [];

beforeAll(async () => {
  cdn = await serveFixtures({ distDir: DIST_DIR, pagesDir: DIST_DIR, mounts: { '/e2e/': PAGES_DIR } });
  other = await serveFixtures({ distDir: DIST_DIR, pagesDir: PAGES_DIR });
});
afterAll(async () => {
  for (const opened of pages.splice(0)) await opened.close();
  await cdn?.close();
  await other?.close();
});

interface Recorded {
  /** 'self' (the parent page), the id of the frame it came from, or 'other'. */
  source: string;
  origin: string;
  data: unknown;
}

function embedUrl(base: string, params: Record<string, string>): string {
  const url = new URL('embed.html', `${base}/`);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.href;
}

async function openParent(query: Record<string, string> | [string, string][]): Promise<OpenedPage> {
  const opened = await openPage(browser(), `/embedding-iframe.html?${new URLSearchParams(query)}`);
  pages.push(opened);
  return opened;
}

/** The frame of `<iframe id>`, once its document from `origin` has loaded. */
async function embedFrame(page: Page, origin: string, id = 'embed'): Promise<Frame> {
  const handle = await page.waitForSelector(`#${id}`);
  await expect.poll(async () => (await handle.contentFrame())?.url().startsWith(origin), { timeout: 15_000 }).toBe(true);
  const frame = (await handle.contentFrame())!;
  await frame.waitForLoadState('load');
  return frame;
}

/** The helpers' snippet readers only use `evaluate`/`waitForFunction`, which a Frame has too. */
const asPage = (frame: Frame) => frame as unknown as Page;

interface Fit {
  /** Height of the frame's document content, measured inside the frame. */
  content: number;
  /** Height of the <iframe> box on the parent page. */
  frame: number;
  /** The inline height the widget wrote on the <iframe>. */
  style: string;
}

async function measure(page: Page, frame: Frame, id = 'embed'): Promise<Fit> {
  const content = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
  const outer = await page.locator(`#${id}`).evaluate((el) => ({ frame: el.getBoundingClientRect().height, style: (el as HTMLElement).style.height }));
  return { content, ...outer };
}

/** Waits until the <iframe> is sized to its content (within 2px), and returns the fit. */
async function fitted(page: Page, frame: Frame, id = 'embed'): Promise<Fit> {
  await expect
    .poll(
      async () => {
        const fit = await measure(page, frame, id);
        return fit.style !== '' && Math.abs(fit.content - fit.frame) <= 2 ? 'fits' : `#${id}: ${JSON.stringify(fit)}`;
      },
      { timeout: 15_000, interval: 50 },
    )
    .toBe('fits');
  return measure(page, frame, id);
}

/** The inline heights the widget wrote on every frame of the page, by id. */
function frameHeights(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('iframe')].map((el) => [el.id, el.style.height])));
}

async function messages(page: Page): Promise<Recorded[]> {
  return page.evaluate(() => (window as unknown as { __messages: Recorded[] }).__messages);
}

/**
 * Waits until the parent page has received `count` messages of `type` from `source`. The
 * widget's listener was added before the recorder's, so it has handled them too.
 */
async function waitForMessage(page: Page, source: string, type: string, count = 1): Promise<Recorded[]> {
  await page.waitForFunction(
    ({ source, type, count }) =>
      (window as unknown as { __messages: Recorded[] }).__messages.filter(
        (m) => m.source === source && (m.data as { type?: string } | null)?.type === type,
      ).length >= count,
    { source, type, count },
  );
  return (await messages(page)).filter((m) => m.source === source && (m.data as { type?: string } | null)?.type === type);
}

async function clickInFrame(frame: Frame, selector: string): Promise<void> {
  await frame.locator(`snippet ${selector}`).click();
}

async function waitForViewer(frame: Frame, check: { lang?: string; wrap?: 'true' | 'false' }): Promise<void> {
  await frame.waitForFunction((check) => {
    const shadow = document.querySelector('snippet [data-snippet-root]')?.shadowRoot;
    const viewer = shadow?.querySelector('.viewer');
    if (!viewer) return false;
    if (check.lang && viewer.getAttribute('data-lang') !== check.lang) return false;
    if (check.wrap && shadow?.querySelector('[role=tabpanel]')?.getAttribute('data-wrap') !== check.wrap) return false;
    return document.querySelector('snippet')?.getAttribute('data-state') === 'ready';
  }, check);
}

describe('iframe embed from a second origin', () => {
  it('renders, sizes each frame to its own content, follows tab and wrap changes, and ignores every forged message', async () => {
    const src = embedUrl(cdn.url, { name: 'open-ai.chat-completion', model: 'embedded-model', prompt: LONG_PROMPT, 'base-url': 'https://example.test/v1' });
    const second = embedUrl(cdn.url, { name: 'open-ai.embedding', model: 'second-embed-model', lang: 'sh' });
    const opened = await openParent([
      ['embed', src],
      ['embed', second],
      // Not embeds: a frame from the CDN's own origin, and one from a third origin.
      ['forger', `${cdn.url}/e2e/embedding-forger.html`],
      ['forger', `${other.url}/embedding-forger.html`],
    ]);
    const { page } = opened;
    expect(new URL(src).origin).not.toBe(new URL(opened.url).origin);
    const frame = await embedFrame(page, cdn.url);
    const frame2 = await embedFrame(page, cdn.url, 'embed-2');

    await settle(asPage(frame), 'snippet');
    const shown = await readSnippet(asPage(frame), 'snippet');
    expect(shown.title).toBe('Create a chat completion');
    expect(shown.viewerLang).toBe('py');
    expect(shown.code).toContain('model="embedded-model"');
    expect(shown.code).toContain('base_url="https://example.test/v1"');
    expect(shown.colouredTokens).toBeGreaterThan(0);
    // Transparent: the host page's background shows through.
    expect(await frame.evaluate(() => [document.documentElement, document.body].map((el) => getComputedStyle(el).backgroundColor))).toEqual([
      'rgba(0, 0, 0, 0)',
      'rgba(0, 0, 0, 0)',
    ]);
    await settle(asPage(frame2), 'snippet');
    const shown2 = await readSnippet(asPage(frame2), 'snippet');
    expect(shown2.title).toBe('Create an embedding');
    expect(shown2.viewerLang, '?lang=sh picks the tab').toBe('sh');
    expect(shown2.code).toContain('second-embed-model');

    // Each frame gets its own height (two frames of one origin: the message source decides which).
    const first = await fitted(page, frame);
    const other2 = await fitted(page, frame2, 'embed-2');
    expect(first.content, 'the content is taller than a default 150px iframe').toBeGreaterThan(200);
    expect(Math.abs(first.content - other2.content), 'the two embeds differ in height').toBeGreaterThan(20);
    expect(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight), 'nothing scrolls inside the frame').toBe(true);
    const fromEmbed = await waitForMessage(page, 'embed', RESIZE);
    expect(fromEmbed[0]?.origin).toBe(cdn.url);

    // Switching tab inside the frame (cURL: shorter than the collapsed Python) → the frame follows.
    await clickInFrame(frame, '[role=tab][data-lang="sh"]');
    await waitForViewer(frame, { lang: 'sh' });
    const curl = await fitted(page, frame);
    expect(curl.content).not.toBe(first.content);

    // Wrap: the long prompt line wraps, the content grows, the frame follows.
    await clickInFrame(frame, 'button[data-action=wrap]');
    await waitForViewer(frame, { lang: 'sh', wrap: 'true' });
    const wrapped = await fitted(page, frame);
    expect(wrapped.content).toBeGreaterThan(curl.content);
    // The second embed (same origin, so it shares the reader's choices) still fits its own content.
    await waitForViewer(frame2, { lang: 'sh', wrap: 'true' });
    await fitted(page, frame2, 'embed-2');

    // A message of the right shape from the parent page itself: ignored.
    const settled = await frameHeights(page);
    expect(settled).toMatchObject({ forger: '', 'forger-2': '' });
    await page.evaluate((type) => window.postMessage({ type, height: 987 }, '*'), RESIZE);
    await waitForMessage(page, 'self', RESIZE);
    expect(await frameHeights(page)).toEqual(settled);

    // The same from a frame that is not an embed, of the CDN's origin and of a third origin: ignored.
    for (const [id, origin] of [
      ['forger', cdn.url],
      ['forger-2', other.url],
    ] as const) {
      await waitForMessage(page, id, 'e2e:forger-ready');
      await page.evaluate((id) => document.querySelector<HTMLIFrameElement>(`#${id}`)!.contentWindow!.postMessage({ forge: 876 }, '*'), id);
      const forged = await waitForMessage(page, id, RESIZE);
      expect(forged[0], `${id} posted the forged message`).toMatchObject({ origin, data: { type: RESIZE, height: 876 } });
      expect(await frameHeights(page), `after the message from #${id}`).toEqual(settled);
    }

    // Control: the embed's own messages still resize it (Wrap off again).
    await clickInFrame(frame, 'button[data-action=wrap]');
    await waitForViewer(frame, { lang: 'sh', wrap: 'false' });
    const unwrapped = await fitted(page, frame);
    expect(unwrapped.content).toBeLessThan(wrapped.content);
    await waitForViewer(frame2, { lang: 'sh', wrap: 'false' });
    await fitted(page, frame2, 'embed-2');

    // The embed frame navigated to the third origin: same window, wrong origin → ignored.
    const beforeNavigation = await frameHeights(page);
    await page.evaluate((url) => {
      document.querySelector<HTMLIFrameElement>('#embed')!.contentWindow!.location.href = url;
    }, `${other.url}/embedding-forger.html`);
    await waitForMessage(page, 'embed', 'e2e:forger-ready');
    const resizesBefore = (await waitForMessage(page, 'embed', RESIZE)).length;
    await page.evaluate(() => document.querySelector<HTMLIFrameElement>('#embed')!.contentWindow!.postMessage({ forge: 765 }, '*'));
    const afterNavigation = await waitForMessage(page, 'embed', RESIZE, resizesBefore + 1);
    expect(afterNavigation.at(-1)).toMatchObject({ origin: other.url, data: { type: RESIZE, height: 765 } });
    expect(await frameHeights(page)).toEqual(beforeNavigation);

    expect(opened.problems()).toEqual([]);
  });

  it('works in a frame sandboxed with allow-scripts only: renders, resizes (origin "null"), copes with storage throwing', async () => {
    const src = embedUrl(cdn.url, { name: 'open-ai.chat-completion', model: 'sandboxed-model', prompt: LONG_PROMPT, lang: 'sh' });
    const opened = await openParent({ embed: src, sandbox: 'allow-scripts' });
    const { page } = opened;
    const frame = await embedFrame(page, cdn.url);
    expect(await frame.evaluate(() => origin)).toBe('null');
    expect(
      await frame.evaluate(() => {
        try {
          return typeof window.localStorage;
        } catch (error) {
          return (error as Error).name;
        }
      }),
      'the sandbox makes localStorage throw',
    ).toBe('SecurityError');

    await settle(asPage(frame), 'snippet');
    const shown = await readSnippet(asPage(frame), 'snippet');
    expect(shown.viewerLang, '?lang=sh picks the tab').toBe('sh');
    expect(shown.code).toContain('"model": "sandboxed-model"');
    expect(shown.colouredTokens).toBeGreaterThan(0);
    const first = await fitted(page, frame);
    expect(first.content).toBeGreaterThan(200);
    expect((await waitForMessage(page, 'embed', RESIZE))[0]?.origin).toBe('null');

    // Choices cannot be stored, but they still apply, and the frame follows.
    await clickInFrame(frame, 'button[data-action=wrap]');
    await waitForViewer(frame, { lang: 'sh', wrap: 'true' });
    const wrapped = await fitted(page, frame);
    expect(wrapped.content).toBeGreaterThan(first.content);
    await clickInFrame(frame, '[role=tab][data-lang="py"]');
    await waitForViewer(frame, { lang: 'py' });
    const python = await fitted(page, frame);
    expect(python.content).not.toBe(wrapped.content);

    // The frame's console reaches the recorder (so "at most one line" below is not vacuous).
    await frame.evaluate(() => console.info('e2e: the sandboxed frame logs'));
    expect(opened.console).toContain('info: e2e: the sandboxed frame logs');
    const storageLines = opened.console.filter((line) => /localStorage|storage/i.test(line));
    expect(storageLines.length, storageLines.join('\n')).toBeLessThanOrEqual(1);
    for (const line of storageLines) expect(line).toMatch(/^warning: \[snippets\] /);

    // The frame learnt its token from its URL's fragment, and no history entry was made for it.
    expect(await frame.evaluate(() => location.hash)).toMatch(/^#embed-token=[0-9a-f]{32}$/);
    const control = await openParent({});
    expect(await page.evaluate(() => history.length)).toBe(await control.page.evaluate(() => history.length));

    // Another document navigated into the sandboxed frame has the same opaque origin ("null"),
    // and even the CDN's: its height messages are ignored all the same (it cannot know the token).
    const beforeNavigation = await frameHeights(page);
    await frame.evaluate((url) => location.assign(url), `${cdn.url}/e2e/embedding-forger.html`);
    await waitForMessage(page, 'embed', 'e2e:forger-ready');
    const resizesBefore = (await waitForMessage(page, 'embed', RESIZE)).length;
    await page.evaluate(() => document.querySelector<HTMLIFrameElement>('#embed')!.contentWindow!.postMessage({ forge: 765 }, '*'));
    const forged = await waitForMessage(page, 'embed', RESIZE, resizesBefore + 1);
    expect(forged.at(-1)).toMatchObject({ origin: 'null', data: { type: RESIZE, height: 765 } });
    expect(await frameHeights(page)).toEqual(beforeNavigation);
    expect(opened.problems()).toEqual([]);
  });

  it('shows a visible notice in the frame when the embed page’s own chunk fails, and throws nothing', async () => {
    cdn.faults.add(/\/chunks\/embed-page-/, '404');
    try {
      const src = embedUrl(cdn.url, { name: 'open-ai.chat-completion' });
      const opened = await openParent({ embed: src, sandbox: 'allow-scripts allow-popups allow-popups-to-escape-sandbox' });
      const frame = await embedFrame(opened.page, cdn.url);
      const notice = frame.locator('.embed-failure[role=alert]');
      await notice.waitFor();
      expect(await notice.innerText()).toMatch(/could not load.*try again/is);
      expect(await notice.evaluate((element) => element.checkVisibility() && element.getBoundingClientRect().height > 20)).toBe(true);
      // Inside the frame's default height, on the parent page.
      const box = await opened.page.locator('#embed').boundingBox();
      expect(box?.height).toBeGreaterThan(100);
      expect(cdn.faults.hits()).toEqual([expect.stringMatching(/^404 \/chunks\/embed-page-/)]);
      expect(opened.pageErrors).toEqual([]);
      expect(opened.console.filter((line) => line.startsWith('error: [snippets]'))).toEqual([expect.stringMatching(/^error: \[snippets\] could not load the embed page/)]);
      // Try again, the network back: the snippet.
      cdn.faults.clear();
      await frame.locator('.embed-failure button').click();
      const reloaded = await embedFrame(opened.page, cdn.url);
      await settle(asPage(reloaded), 'snippet');
      // Nothing else went wrong than the chunk refused (its request, its one line).
      expect(opened.problems().filter((line) => !line.includes('/chunks/embed-page-'))).toEqual([]);
    } finally {
      cdn.faults.clear();
    }
  });

  it('the README’s iframe example, pasted into a host page with style-src \'self\': full width, no border, sized, no violation', async () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const example = /```html\n(<iframe data-snippet-embed[\s\S]*?<\/iframe>)\n```/.exec(readme)?.[1];
    expect(example, 'the README shows an <iframe data-snippet-embed> example').toBeDefined();
    const pagesDir = mkdtempSync(join(tmpdir(), 'snippets-readme-iframe-'));
    writeFileSync(
      join(pagesDir, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The README's iframe</title>
      <link rel="stylesheet" href="/dist/bundle.css"><script type="module" src="/dist/bundle.js"></script></head>
      <body><main>${example!.replaceAll('https://<cdn>/snippets/v1/', `${cdn.url}/`).replace('<iframe ', '<iframe id="embed" ')}</main></body></html>`,
    );
    const host = await serveFixtures({
      distDir: DIST_DIR,
      pagesDir,
      headers: () => ({ 'Content-Security-Policy': `${STRICT_CSP}; frame-src ${cdn.url}` }),
    });
    try {
      const opened = await openPage(browser(), `${host.url}/index.html`);
      pages.push(opened);
      const frame = await embedFrame(opened.page, cdn.url, 'embed');
      await settle(asPage(frame), 'snippet');
      await fitted(opened.page, frame);
      const box = await opened.page.locator('iframe[data-snippet-embed]').evaluate((element) => {
        const style = getComputedStyle(element);
        return { width: element.getBoundingClientRect().width, main: element.parentElement!.getBoundingClientRect().width, border: style.borderTopWidth };
      });
      expect(box).toEqual({ width: box.main, main: box.main, border: '0px' });
      expect(await opened.cspViolations()).toEqual([]);
      expect(opened.problems().filter((line) => !line.includes('/favicon.ico'))).toEqual([]);
    } finally {
      await host.close();
    }
  });

  it('serves an embed whose query names a variable like the widget\'s own mark (?snippet-root=…)', async () => {
    const src = embedUrl(cdn.url, { name: 'open-ai.chat-completion', model: 'marked-model', 'snippet-root': 'x' });
    const opened = await openParent({ embed: src });
    const frame = await embedFrame(opened.page, cdn.url);
    await settle(asPage(frame), 'snippet');
    expect((await readSnippet(asPage(frame), 'snippet')).code).toContain('model="marked-model"');
    await fitted(opened.page, frame);
    // It is no variable of the snippet: one warning says so.
    expect(opened.console.filter((line) => line.includes('snippet-root'))).toEqual([expect.stringMatching(/^warning: \[snippets\] data-snippet-root is not a variable/)]);
    expect(opened.problems()).toEqual([]);
  });

  for (const [label, base, header] of [
    ['with a strict CSP header', '/csp', STRICT_CSP],
    ['with no CSP header: its own <meta> policy', '', null],
  ] as const) {
    it(`renders embed.html served ${label}, with no violations, alone and framed`, async () => {
      const src = embedUrl(`${cdn.url}${base}`, { name: 'open-ai.chat-completion', model: 'csp-model' });
      const alone = await openPage(browser(), src);
      pages.push(alone);
      expect((await alone.context.request.get(src)).headers()['content-security-policy'] ?? null).toBe(header);
      await settle(alone.page, 'snippet');
      const shown = await readSnippet(alone.page, 'snippet');
      expect(shown.code).toContain('csp-model');
      expect(shown.colouredTokens).toBeGreaterThan(0);
      await alone.page.locator('snippet [role=tab][data-lang="js"]').click();
      await waitForViewer(alone.page.mainFrame(), { lang: 'js' });
      expect((await readSnippet(alone.page, 'snippet')).colouredTokens).toBeGreaterThan(0);
      expect(await alone.cspViolations()).toEqual([]);
      // A top-level document gets the browser's automatic /favicon.ico request; a frame does not.
      expect(alone.problems().filter((line) => !line.includes('/favicon.ico'))).toEqual([]);

      const framed = await openParent({ embed: src, sandbox: 'allow-scripts allow-popups allow-popups-to-escape-sandbox' });
      const frame = await embedFrame(framed.page, cdn.url);
      await settle(asPage(frame), 'snippet');
      expect((await readSnippet(asPage(frame), 'snippet')).colouredTokens).toBeGreaterThan(0);
      await fitted(framed.page, frame);
      expect(await frame.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
      expect(framed.console.filter((line) => /Content Security Policy|Refused to/i.test(line))).toEqual([]);
      expect(framed.problems()).toEqual([]);

      // Control: the page's own policy is in force there: no string into an HTML sink
      // (Trusted Types), no inline style, no script or request to elsewhere.
      const refused = await frame.evaluate(async (other) => {
        const sink = (() => {
          try {
            document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
            return 'allowed';
          } catch (error) {
            return (error as Error).name;
          }
        })();
        document.body.setAttribute('style', 'outline: 1px solid red');
        const preload = document.createElement('link');
        preload.rel = 'modulepreload';
        preload.href = `${other}/embedding-forger.js`;
        document.head.append(preload);
        await fetch(`${other}/embedding-forger.js`).catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 300));
        return { sink, violations: (window as unknown as { __cspViolations: string[] }).__cspViolations.map((line) => line.split(' ')[0]) };
      }, other.url);
      expect(refused.sink).toBe('TypeError');
      expect(refused.violations).toEqual(expect.arrayContaining(['require-trusted-types-for', 'style-src-attr', 'script-src-elem', 'connect-src']));
    });
  }
});
