// Issue 15, the GitBook integration in a real browser. Four origins, as on a GitBook site:
//   the docs page (`localhost`, a GitBook-like host page whose blocks behave as GitBook's
//   renderer does: test/e2e/gitbook-host/host.js), the integrations host (a stand-in that
//   runs the integration's built script as GitBook's dispatcher does: gitbook-content-host.ts),
//   which serves the frame page, and the CDN (the built dist/), all on 127.0.0.1 ports: the
//   frames are cross-site to the page, so their storage is partitioned as on GitBook.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Frame, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildIntegration } from '../../integrations/gitbook/scripts/build-integration';
import { compileSnippet, renderSamples } from '../../tools/snippet-library/library-renderer';
import { readLibrary } from '../../tools/snippet-library/read-library';
import { CHROMIUM_ARGS } from './browser.mjs';
import { startContentHost, type ContentHost } from './gitbook-content-host';
import { ensureTestBuild, REPO_ROOT, serveFixtures } from './harness.mjs';
import { type OpenedPage, openPage, readSnippet, settle, useBrowser } from './helpers';

const DIST_DIR = ensureTestBuild();
const HOST_DIR = join(REPO_ROOT, 'test/e2e/gitbook-host');
const NAME = 'aiml-api-snippets';
/** The system Chromium the suite runs (scripts/ensure-chromium.mjs). */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** A prompt long enough that its line wraps once Wrap is on. */
const LONG_PROMPT = `Explain ${'the scattering of sunlight by the molecules of the atmosphere, '.repeat(3)}briefly.`;

type Server = Awaited<ReturnType<typeof serveFixtures>>;
let cdn: Server;
let site: Server;
let content: ContentHost;
let outDir: string;
const browser = useBrowser();
let opened: OpenedPage | undefined;

beforeAll(async () => {
  cdn = await serveFixtures({ distDir: DIST_DIR, pagesDir: DIST_DIR });
  outDir = mkdtempSync(join(tmpdir(), 'gitbook-integration-'));
  const built = await buildIntegration({ cdn: `${cdn.url}/`, releaseManifest: join(DIST_DIR, 'manifest.json'), library: join(REPO_ROOT, 'shared/snippets'), outDir });
  content = await startContentHost({ script: built.script, name: NAME, version: 3, staticDir: HOST_DIR });
  site = await serveFixtures({ distDir: DIST_DIR, pagesDir: HOST_DIR });
});
afterAll(async () => {
  await content?.close();
  await cdn?.close();
  await site?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

interface LogEntry {
  block: string;
  kind: string;
  data: unknown;
}

/** The docs page, on `localhost` (another site than 127.0.0.1, where the frames come from). */
async function openHost(contextOptions: Parameters<typeof openPage>[2] = {}): Promise<OpenedPage> {
  opened = await openPage(browser(), `http://localhost:${site.port}/host.html`, contextOptions);
  return opened;
}

/** A block as GitBook renders it: the integration's ContentKit output for these props. */
async function renderBlock(props: Record<string, string>): Promise<unknown> {
  const { status, body } = await content.dispatch({
    type: 'ui_render',
    componentId: 'snippet',
    props,
    context: { type: 'document', spaceId: 'space-1', editable: false, theme: 'light' },
  });
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}

/** Puts a block on the page and returns its frame once the snippet in it is ready. */
async function mountBlock(page: Page, id: string, props: Record<string, string>): Promise<Frame> {
  const output = await renderBlock(props);
  const hosts = [new URL(content.url).host];
  await page.evaluate(({ id, output, hosts }) => (window as unknown as HostWindow).__host.mount(id, output, hosts), { id, output, hosts });
  return blockFrame(page, id);
}

async function blockFrame(page: Page, id: string): Promise<Frame> {
  const handle = await page.waitForSelector(`#${id} iframe`);
  await expect.poll(async () => (await handle.contentFrame())?.url().startsWith(content.url), { timeout: 15_000 }).toBe(true);
  const frame = (await handle.contentFrame())!;
  await frame.waitForLoadState('load');
  await settle(asPage(frame), 'snippet');
  return frame;
}

type HostWindow = Window & {
  __host: { log: LogEntry[]; mount: (id: string, output: unknown, hosts: string[]) => void; setState: (id: string, state: unknown) => void; addForger: (src: string) => void };
};

/** The helpers' snippet readers only use `evaluate`/`waitForFunction`, which a Frame has too. */
const asPage = (frame: Frame) => frame as unknown as Page;

const hostLog = (page: Page, block?: string) =>
  page.evaluate((block) => (window as unknown as HostWindow).__host.log.filter((entry) => !block || entry.block === block), block);

interface Fit {
  /** Height of the frame page's content, measured inside the frame. */
  content: number;
  /** Height of the <iframe> box on the docs page. */
  frame: number;
  style: { aspectRatio: string; height: string; maxHeight: string };
}

async function measure(page: Page, frame: Frame, id: string): Promise<Fit> {
  const contentHeight = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
  const box = await page.locator(`#${id} iframe`).evaluate((el: HTMLElement) => ({
    frame: el.getBoundingClientRect().height,
    style: { aspectRatio: el.style.aspectRatio, height: el.style.height, maxHeight: el.style.maxHeight },
  }));
  return { content: contentHeight, ...box };
}

/** Waits until the block's <iframe> is as tall as its content (within 2 px), sized by GitBook's rules. */
async function fitted(page: Page, frame: Frame, id: string): Promise<Fit> {
  await expect
    .poll(
      async () => {
        const fit = await measure(page, frame, id);
        return fit.style.maxHeight !== '' && Math.abs(fit.content - fit.frame) <= 2 ? 'fits' : `#${id}: ${JSON.stringify(fit)}`;
      },
      { timeout: 15_000, interval: 50 },
    )
    .toBe('fits');
  const fit = await measure(page, frame, id);
  // GitBook's sizing: by aspect ratio, the reported height as the maximum, no fixed height.
  expect(fit.style.aspectRatio).not.toBe('');
  expect(fit.style.height).toBe('');
  expect(Math.abs(parseFloat(fit.style.maxHeight) - fit.content)).toBeLessThanOrEqual(2);
  return fit;
}

async function waitForViewer(frame: Frame, check: { lang?: string; wrap?: 'true' | 'false'; expanded?: 'true' | 'false'; code?: string; title?: string }): Promise<void> {
  await frame.waitForFunction((check) => {
    const host = document.querySelector('snippet');
    const shadow = host?.querySelector('[data-snippet-root]')?.shadowRoot;
    const viewer = shadow?.querySelector('.viewer');
    if (!viewer || host?.getAttribute('data-state') !== 'ready') return false;
    if (check.lang && viewer.getAttribute('data-lang') !== check.lang) return false;
    if (check.wrap && shadow?.querySelector('[role=tabpanel]')?.getAttribute('data-wrap') !== check.wrap) return false;
    if (check.expanded && shadow?.querySelector('button[data-action=expand]')?.getAttribute('aria-expanded') !== check.expanded) return false;
    if (check.code && !shadow?.querySelector('[role=tabpanel]:not([hidden]) pre > code')?.textContent?.includes(check.code)) return false;
    if (check.title && shadow?.querySelector('.title')?.textContent !== check.title) return false;
    return true;
  }, check);
}

const click = (frame: Frame, selector: string) => frame.locator(`snippet ${selector}`).click();

/** The program a snippet renders with these values, computed in Node by the widget's renderer. */
function expectedCode(name: string, lang: string, overrides: Record<string, string>): string {
  const snippet = readLibrary(join(REPO_ROOT, 'shared/snippets')).find((s) => s.id === name)!;
  return renderSamples(compileSnippet(snippet), overrides).find((sample) => sample.lang === lang)!.code;
}

describe('the GitBook block’s frame, in a GitBook-like page', () => {
  it('speaks the webframe protocol and keeps the frame as tall as the snippet through tabs, Show all, Wrap and a narrower page', async () => {
    const { page } = await openHost();
    const frame = await mountBlock(page, 'chat', { name: 'open-ai.chat-completion', model: 'gitbook-model', prompt: LONG_PROMPT, fallback: 'curl …' });
    expect(new URL(frame.url()).origin).toBe(content.url);
    expect(new URL(page.url()).hostname).toBe('localhost');

    // The protocol: the state was queued until the frame said ready; ready came first.
    const log = await hostLog(page, 'chat');
    const received = log.filter((entry) => entry.kind === 'received').map((entry) => (entry.data as { action: { action: string } }).action.action);
    expect(received[0]).toBe('@webframe.ready');
    expect(received.slice(1).every((action) => action === '@webframe.resize')).toBe(true);
    const kinds = log.map((entry) => entry.kind);
    expect(kinds[0]).toBe('queued');
    expect(kinds.indexOf('sent')).toBeGreaterThan(kinds.indexOf('received'));
    expect(log[0]!.data).toEqual({
      state: { name: 'open-ai.chat-completion', overrides: { model: 'gitbook-model', prompt: LONG_PROMPT }, page: { id: 'page-1', path: 'api/chat', title: 'Generate a chat completion' } },
    });
    expect(log.filter((entry) => entry.kind.startsWith('ignored'))).toEqual([]);

    const shown = await readSnippet(asPage(frame), 'snippet');
    expect(shown.title).toBe('Create a chat completion');
    expect(shown.code).toContain('"gitbook-model"');
    expect(shown.colouredTokens).toBeGreaterThan(0);
    const first = await fitted(page, frame, 'chat');
    expect(first.content, 'taller than a default 150px iframe').toBeGreaterThan(200);

    // Show all: the bounded Python grows to all its lines, and the frame with it.
    await waitForViewer(frame, { lang: 'py' });
    await click(frame, 'button[data-action=expand]');
    await waitForViewer(frame, { expanded: 'true' });
    const expanded = await fitted(page, frame, 'chat');
    expect(expanded.content).toBeGreaterThan(first.content);

    // A tab switch (cURL is shorter than the whole Python program): the frame follows.
    await click(frame, '[role=tab][data-lang="sh"]');
    await waitForViewer(frame, { lang: 'sh' });
    const curl = await fitted(page, frame, 'chat');
    expect(curl.content).toBeLessThan(expanded.content);

    // Wrap: the long prompt's line wraps, the content grows, the frame follows.
    await click(frame, 'button[data-action=wrap]');
    await waitForViewer(frame, { lang: 'sh', wrap: 'true' });
    const wrapped = await fitted(page, frame, 'chat');
    expect(wrapped.content).toBeGreaterThan(curl.content);

    // A narrower page: the frame narrows, the wrapped lines wrap more, the frame grows to fit.
    await page.setViewportSize({ width: 560, height: 900 });
    await expect.poll(async () => (await measure(page, frame, 'chat')).content, { timeout: 15_000 }).toBeGreaterThan(wrapped.content);
    const narrow = await fitted(page, frame, 'chat');
    expect(narrow.content).toBeGreaterThan(wrapped.content);
    expect(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight + 2), 'nothing scrolls inside the frame').toBe(true);

    // Every resize told both the height and the aspect ratio of the frame's page at that moment.
    const sizes = (await hostLog(page, 'chat'))
      .filter((entry) => entry.kind === 'received' && (entry.data as { action: { action: string } }).action.action === '@webframe.resize')
      .map((entry) => (entry.data as { action: { size: { height: number; aspectRatio: number } } }).action.size);
    expect(sizes.length).toBeGreaterThanOrEqual(5);
    const last = sizes.at(-1)!;
    expect(Math.abs(last.height - narrow.content)).toBeLessThanOrEqual(1);
    const width = await page.locator('#chat iframe').evaluate((el) => el.clientWidth);
    expect(Math.abs(last.aspectRatio * last.height - width)).toBeLessThanOrEqual(1);

    expect(await frame.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
    expect(opened!.problems()).toEqual([]);
  });

  it('re-renders the snippet in place when the block’s state changes, and ignores forged messages from other windows', async () => {
    const { page } = await openHost();
    const frame = await mountBlock(page, 'chat', { name: 'open-ai.chat-completion', model: 'first-model' });
    await page.evaluate((src) => (window as unknown as HostWindow).__host.addForger(src), `${content.url}/static/forger.html`);
    await page.evaluate((src) => (window as unknown as HostWindow).__host.addForger(src), `http://127.0.0.1:${site.port}/forger.html`);
    // The frame must not reload for a change: a mark on its window survives only if it does not.
    await frame.evaluate(() => ((window as unknown as { __mark: number }).__mark = 42));

    await page.evaluate(() => (window as unknown as HostWindow).__host.setState('chat', { name: 'open-ai.chat-completion', overrides: { model: 'second-model' } }));
    await waitForViewer(frame, { code: '"second-model"' });
    await page.evaluate(() => (window as unknown as HostWindow).__host.setState('chat', { name: 'open-ai.embedding', overrides: { model: 'embedding-model' } }));
    await waitForViewer(frame, { title: 'Create an embedding', code: '"embedding-model"' });
    // An override removed: the snippet's default comes back.
    const embeddingDefault = readLibrary(join(REPO_ROOT, 'shared/snippets')).find((s) => s.id === 'open-ai.embedding')!.config.payload.model as string;
    await page.evaluate(() => (window as unknown as HostWindow).__host.setState('chat', { name: 'open-ai.embedding', overrides: {} }));
    await waitForViewer(frame, { code: `"${embeddingDefault}"` });
    expect(await frame.evaluate(() => (window as unknown as { __mark?: number }).__mark)).toBe(42);
    await fitted(page, frame, 'chat');

    // Forgers: a frame of the integrations host itself (another integration's: same origin as
    // the block's frame) and one of the docs site's origin post a state to every frame of the
    // page, and a resize and a ready to the page.
    const before = await measure(page, frame, 'chat');
    await frame.evaluate(() => {
      const record: string[] = [];
      (window as unknown as { __changes: string[] }).__changes = record;
      new MutationObserver((mutations) => mutations.forEach((m) => record.push(m.attributeName ?? m.type))).observe(document.querySelector('snippet')!, { attributes: true });
    });
    const forgers = await page.locator('#forgers iframe').count();
    expect(forgers).toBe(2);
    for (let i = 0; i < forgers; i++) {
      const forger = (await (await page.locator('#forgers iframe').nth(i).elementHandle())!.contentFrame())!;
      await forger.waitForLoadState('load');
      await page.evaluate((i) => (document.querySelectorAll('#forgers iframe')[i] as HTMLIFrameElement).contentWindow!.postMessage('forge', '*'), i);
    }
    // The page heard both forgers' last message, and ignored every forged one.
    await page.waitForFunction(() => (window as unknown as HostWindow).__host.log.filter((entry) => entry.data === 'forged').length === 2);
    const ignored = (await hostLog(page, 'chat')).filter((entry) => entry.kind.startsWith('ignored'));
    // Each forger's resize, ready and string: refused for its origin (the docs site's) or, from
    // the integrations host itself, for not being the block's own frame.
    expect(ignored.map((entry) => entry.kind).sort()).toEqual([...Array(3).fill('ignored: origin'), ...Array(3).fill('ignored: source')]);
    await page.waitForTimeout(300);
    expect(await frame.evaluate(() => (window as unknown as { __changes: string[] }).__changes)).toEqual([]);
    const after = await readSnippet(asPage(frame), 'snippet');
    expect(after.title).toBe('Create an embedding');
    expect(after.code).not.toContain('forged-model');
    expect(await measure(page, frame, 'chat')).toEqual(before);

    // Control: the page's own state still gets through after all that.
    await page.evaluate(() => (window as unknown as HostWindow).__host.setState('chat', { name: 'open-ai.embedding', overrides: { model: 'after-forgery' } }));
    await waitForViewer(frame, { code: '"after-forgery"' });
    expect(opened!.problems()).toEqual([]);
  });

  it('Copy puts the whole program on the clipboard from inside the frame', async () => {
    const { page, context } = await openHost();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: content.url });
    const overrides = { model: 'copied-model', prompt: 'Say "hi" in one line.' };
    const frame = await mountBlock(page, 'chat', { name: 'open-ai.chat-completion', ...overrides });
    await waitForViewer(frame, { lang: 'py' });
    // Python is bounded: what Copy takes is the program, not what the box shows.
    expect(await frame.locator('snippet button[data-action=expand]').getAttribute('aria-expanded')).toBe('false');

    // Read the system clipboard from a page of the frame's origin (the frame may only write it).
    const reader = await context.newPage();
    await reader.goto(`${content.url}/static/forger.html`);
    const sentinel = `sentinel-${Math.random()}`;
    await reader.evaluate((text) => navigator.clipboard.writeText(text), sentinel);
    await page.bringToFront();
    await click(frame, 'button[data-action=copy]');
    await expect.poll(() => reader.evaluate(() => navigator.clipboard.readText()), { timeout: 10_000 }).not.toBe(sentinel);
    const copied = await reader.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(expectedCode('open-ai.chat-completion', 'py', overrides));
    expect(copied).toContain('"Say \\"hi\\" in one line."');
    await reader.close();
    expect(opened!.problems()).toEqual([]);
  });

  it('shares the reader’s language across every block’s frame and keeps it after a reload', async () => {
    // A browser that keeps third-party site data (Chrome's default in a normal window; Safari
    // and Firefox partition it per site): the blocks' frames share one localStorage.
    const profile = mkdtempSync(join(tmpdir(), 'gitbook-profile-'));
    mkdirSync(join(profile, 'Default'));
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1100, height: 900 } });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      page.on('console', (message) => {
        if (message.type() === 'error' || message.text().includes('[snippets]')) errors.push(message.text());
      });
      await page.goto(`http://localhost:${site.port}/host.html`);
      const chat = await mountBlock(page, 'chat', { name: 'open-ai.chat-completion' });
      const embedding = await mountBlock(page, 'embedding', { name: 'open-ai.embedding' });
      await waitForViewer(chat, { lang: 'py' });
      await waitForViewer(embedding, { lang: 'py' });

      await click(chat, '[role=tab][data-lang="js"]');
      await waitForViewer(chat, { lang: 'js' });
      await waitForViewer(embedding, { lang: 'js' });
      await fitted(page, embedding, 'embedding');

      await page.reload();
      await page.waitForLoadState('load');
      const chatAgain = await mountBlock(page, 'chat', { name: 'open-ai.chat-completion' });
      const embeddingAgain = await mountBlock(page, 'embedding', { name: 'open-ai.embedding' });
      await waitForViewer(chatAgain, { lang: 'js' });
      await waitForViewer(embeddingAgain, { lang: 'js' });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('still works, each block on its own, where the browser blocks third-party site data (Incognito’s default)', async () => {
    const { page } = await openHost();
    const chat = await mountBlock(page, 'chat', { name: 'open-ai.chat-completion' });
    const embedding = await mountBlock(page, 'embedding', { name: 'open-ai.embedding' });
    expect(await chat.evaluate(() => {
      try {
        return typeof window.localStorage;
      } catch (error) {
        return (error as Error).name;
      }
    })).toBe('SecurityError');
    await click(chat, '[role=tab][data-lang="js"]');
    await waitForViewer(chat, { lang: 'js' });
    await fitted(page, chat, 'chat');
    expect((await readSnippet(asPage(embedding), 'snippet')).viewerLang).toBe('py');
    // The widget says once per frame why the choice is not remembered; nothing fails.
    expect(opened!.console.filter((line) => line.includes('[snippets] localStorage is not available')).length).toBeGreaterThan(0);
    expect(opened!.problems()).toEqual([]);
  });

  it('follows the reader’s colour scheme', async () => {
    const looks: Record<string, string> = {};
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await openHost({ contextOptions: { colorScheme } });
      const frame = await mountBlock(page, 'chat', { name: 'open-ai.chat-completion' });
      looks[colorScheme] = await frame.evaluate(() => {
        const viewer = document.querySelector('snippet [data-snippet-root]')!.shadowRoot!.querySelector<HTMLElement>('.viewer')!;
        return getComputedStyle(viewer).backgroundColor;
      });
      expect(await frame.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
      await opened!.close();
      opened = undefined;
    }
    expect(looks.dark).not.toBe(looks.light);
  });
});

describe('the frame page as served', () => {
  it('loads the CDN release it was built for, pinned by its integrity hashes', async () => {
    const { page } = await openHost();
    const frame = await mountBlock(page, 'chat', { name: 'open-ai.chat-completion' });
    const manifest = JSON.parse(readFileSync(join(DIST_DIR, 'manifest.json'), 'utf8')) as { files: { file: string; integrity: string }[] };
    const integrity = (file: string) => manifest.files.find((f) => f.file === file)!.integrity;
    const tags = await frame.evaluate(() =>
      [...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[integrity], link[integrity]')].map((el) => ({
        url: el instanceof HTMLScriptElement ? el.src : el.href,
        integrity: el.integrity,
        crossOrigin: el.crossOrigin,
      })),
    );
    expect(tags).toEqual([
      { url: `${cdn.url}/bundle.css`, integrity: integrity('bundle.css'), crossOrigin: 'anonymous' },
      { url: `${cdn.url}/bundle.js`, integrity: integrity('bundle.js'), crossOrigin: 'anonymous' },
    ]);
    const loaded = await frame.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    expect(loaded.filter((url) => !url.startsWith(`${cdn.url}/`))).toEqual([]);
    expect(loaded.some((url) => /\/chunks\/snippet\.open-ai\.chat-completion-[\w-]+\.js$/.test(url))).toBe(true);
    const response = await page.request.get(frame.url());
    expect(response.headers()['content-security-policy']).toMatch(/^default-src 'none'; script-src 'sha256-[\w+/=]+' http:\/\/127\.0\.0\.1:\d+\/; style-src /);
    expect(await frame.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  });
});
