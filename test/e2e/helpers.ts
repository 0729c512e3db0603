// Page-level helpers for the browser tests: open a page with its console and CSP violations
// recorded, wait for snippets to settle, and read a snippet's state out of its shadow root.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { launchBrowser } from './browser.mjs';

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  url: string;
  /** Every console message, as `type: text`. */
  console: string[];
  /** Uncaught exceptions and unhandled rejections in the page. */
  pageErrors: string[];
  /** Requests that failed or answered with an HTTP error. */
  failedRequests: string[];
  /** `securitypolicyviolation` events seen in the page. */
  cspViolations: () => Promise<string[]>;
  /** Console errors, page errors and failed requests, for "the page stayed clean" assertions. */
  problems: (options?: { allowSnippetErrors?: boolean }) => string[];
  close: () => Promise<void>;
}

/** Runs in every document before any page script: records CSP violations (CSP cannot block it). */
function recordCspViolations() {
  const seen: string[] = [];
  (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (event) => {
    seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber} sample=${event.sample}`);
  });
}

export async function openPage(
  browser: Browser,
  path: string,
  {
    contextOptions = {},
    blockWidget = false,
    initScript,
    holdRoutes,
  }: {
    contextOptions?: BrowserContextOptions;
    /** Abort every /dist/ request: the page without the widget. */
    blockWidget?: boolean;
    /** Runs before page scripts in the page opened (not in later pages of the context). */
    initScript?: () => void;
    /** Sets up routes on the context before the page loads (to hold back or fail requests). */
    holdRoutes?: (opened: { context: BrowserContext }) => Promise<unknown>;
  } = {},
): Promise<OpenedPage> {
  const url = new URL(path, inject('baseUrl')).href;
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...contextOptions });
  context.setDefaultTimeout(20_000);
  await context.addInitScript(recordCspViolations);
  if (blockWidget) await context.route('**/dist/**', (route) => route.abort());
  if (holdRoutes) await holdRoutes({ context });
  const page = await context.newPage();
  if (initScript) await page.addInitScript(initScript);
  const consoleLines: string[] = [];
  const pageErrors: string[] = [];
  const failedRequests: string[] = [];
  page.on('console', (message) => {
    const where = message.type() === 'error' ? ` (${message.location().url})` : '';
    consoleLines.push(`${message.type()}: ${message.text()}${where}`);
  });
  page.on('pageerror', (error) => pageErrors.push(String(error.stack ?? error)));
  page.on('requestfailed', (request) => failedRequests.push(`${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) failedRequests.push(`${response.url()} HTTP ${response.status()}`);
  });
  const response = await page.goto(url);
  if (!response?.ok()) throw new Error(`GET ${url} answered ${response?.status()}`);
  await page.waitForLoadState('load');
  return {
    context,
    page,
    url,
    console: consoleLines,
    pageErrors,
    failedRequests,
    cspViolations: async () => {
      const inPage = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
      const inConsole = consoleLines.filter((line) => /Content Security Policy|Refused to/i.test(line));
      return [...inPage, ...inConsole];
    },
    problems: ({ allowSnippetErrors = false } = {}) => [
      ...consoleLines.filter(
        (line) => line.startsWith('error:') && !(allowSnippetErrors && line.startsWith('error: [snippets]')),
      ),
      ...pageErrors.map((error) => `pageerror: ${error}`),
      ...failedRequests.map((request) => `request: ${request}`),
    ],
    close: () => context.close(),
  };
}

export type SnippetState = 'idle' | 'loading' | 'plain' | 'ready' | 'error';

/**
 * Waits until the snippet matching `selector` reaches one of `states` or `error`, then
 * checks it is in one of `states` (so a notice fails fast, with its text, instead of timing out).
 */
export async function settle(page: Page, selector: string, states: SnippetState[] = ['ready']): Promise<void> {
  const accepted = [...states, 'error'];
  await page.waitForFunction(
    ({ selector, accepted }) => {
      const host = document.querySelector(selector);
      return !!host && accepted.includes(host.getAttribute('data-state') ?? '');
    },
    { selector, accepted },
  );
  const info = await readSnippet(page, selector);
  if (!states.includes(info.state as SnippetState)) {
    throw new Error(`${selector} settled in data-state=${info.state}, expected ${states.join('|')}; notice: ${info.notice?.text}`);
  }
}

export interface SnippetInfo {
  state: string | null;
  hasRoot: boolean;
  shadowMode: string | null;
  viewerLang: string | null;
  title: string | null;
  tabs: { lang: string | null; label: string; selected: boolean }[];
  /** textContent of `pre > code` in the visible tab panel. */
  code: string | null;
  /** Spans in that code element whose computed colour differs from the code element's own. */
  colouredTokens: number;
  tokenSpans: number;
  defaultColour: string | null;
  notice: { text: string; role: string | null; code: string | null; visible: boolean } | null;
  live: string | null;
}

/** Reads everything the DOM contract exposes about one snippet, piercing its open shadow root. */
export function readSnippet(page: Page, selector: string): Promise<SnippetInfo> {
  return page.evaluate((selector) => {
    const host = document.querySelector(selector);
    if (!host) throw new Error(`no element matches ${selector}`);
    const rootHost = host.querySelector(':scope > [data-snippet-root]');
    const shadow = rootHost?.shadowRoot ?? null;
    const q = <T extends Element>(sel: string) => shadow?.querySelector<T>(sel) ?? null;
    const panels = [...(shadow?.querySelectorAll<HTMLElement>('[role=tabpanel]') ?? [])];
    const panel = panels.find((p) => !p.hidden && p.checkVisibility()) ?? null;
    const code = panel?.querySelector('pre > code') ?? (panels.length ? null : q('pre > code'));
    let colouredTokens = 0;
    let tokenSpans = 0;
    let defaultColour: string | null = null;
    if (code) {
      defaultColour = getComputedStyle(code).color;
      for (const span of code.querySelectorAll('span')) {
        tokenSpans++;
        if (getComputedStyle(span).color !== defaultColour) colouredTokens++;
      }
    }
    const notice = q<HTMLElement>('.notice');
    return {
      state: host.getAttribute('data-state'),
      hasRoot: !!rootHost,
      shadowMode: shadow?.mode ?? null,
      viewerLang: q('.viewer')?.getAttribute('data-lang') ?? null,
      title: q('.title')?.textContent ?? null,
      tabs: [...(shadow?.querySelectorAll('[role=tablist] [role=tab]') ?? [])].map((tab) => ({
        lang: tab.getAttribute('data-lang'),
        label: (tab.textContent ?? '').trim(),
        selected: tab.getAttribute('aria-selected') === 'true',
      })),
      code: code?.textContent ?? null,
      colouredTokens,
      tokenSpans,
      defaultColour,
      notice: notice
        ? {
            text: notice.textContent ?? '',
            role: notice.getAttribute('role'),
            code: notice.getAttribute('data-code'),
            visible: notice.checkVisibility() && notice.getBoundingClientRect().height > 0,
          }
        : null,
      live: q('[data-live]')?.textContent ?? null,
    };
  }, selector);
}

/** Playwright's CSS engine pierces open shadow roots, so this reaches inside the widget. */
export function inSnippet(page: Page, selector: string, inner: string) {
  return page.locator(`${selector} ${inner}`);
}

/**
 * Clicks Copy in `selector` and returns what the system clipboard then holds (the page's
 * context needs the clipboard permissions). A sentinel written first tells a copy that
 * happened from one that did not.
 */
export async function clipboardAfterCopy(page: Page, selector: string): Promise<string> {
  const sentinel = `sentinel-${Math.random()}`;
  await page.evaluate((text) => navigator.clipboard.writeText(text), sentinel);
  await inSnippet(page, selector, 'button[data-action=copy]').click();
  await page.waitForFunction(async (sentinel) => (await navigator.clipboard.readText()) !== sentinel, sentinel);
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Selects a language tab by clicking it, then waits until the viewer shows that language highlighted. */
export async function chooseTab(page: Page, selector: string, lang: string): Promise<void> {
  await inSnippet(page, selector, `[role=tab][data-lang="${lang}"]`).click();
  await page.waitForFunction(
    ({ selector, lang }) => {
      const shadow = document.querySelector(selector)?.querySelector('[data-snippet-root]')?.shadowRoot;
      return shadow?.querySelector('.viewer')?.getAttribute('data-lang') === lang;
    },
    { selector, lang },
  );
  await settle(page, selector, ['ready']);
}

/** Every element in the document and in every open shadow root, found by a selector. */
export function deepQueryCount(page: Page, selector: string): Promise<number> {
  return page.evaluate((selector) => {
    let count = 0;
    const visit = (root: Document | ShadowRoot) => {
      count += root.querySelectorAll(selector).length;
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
    };
    visit(document);
    return count;
  }, selector);
}

/** One Chromium per test file: launched before its tests, closed after. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not launched yet');
    return browser;
  };
}

/**
 * Opens test pages in this file's browser (see `useBrowser`); every page a test opens is
 * closed after that test.
 */
export function usePages(): (path: string, options?: Parameters<typeof openPage>[2]) => Promise<OpenedPage> {
  const browser = useBrowser();
  const opened: OpenedPage[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((page) => page.close()));
  });
  return async (path, options) => {
    const page = await openPage(browser(), path, options);
    opened.push(page);
    return page;
  };
}

/** Waits until the snippet is settled (ready) and its visible code contains `text`. */
export async function waitForCode(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForFunction(
    ({ selector, text }) => {
      const host = document.querySelector(selector);
      const code = host?.querySelector('[data-snippet-root]')?.shadowRoot?.querySelector('[role=tabpanel] pre > code');
      return host?.getAttribute('data-state') === 'ready' && !!code?.textContent?.includes(text);
    },
    { selector, text },
  );
}
