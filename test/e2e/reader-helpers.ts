// Helpers shared by the reader-*.test.ts browser tests (issue 5): which tab each viewer shows,
// where keyboard focus is inside the shadow roots, and waiting for every viewer of a page.
import type { BrowserContext, Page } from 'playwright-core';
import { settle, type SnippetState } from './helpers';

/** The snippets of test/e2e/pages/reader.html, top to bottom. */
export const READER_IDS = ['#chat', '#flux', '#tts', '#long'] as const;

/** Scrolls each snippet near the viewport (they mount lazily) and waits until it is highlighted. */
export async function settleAll(page: Page, ids: readonly string[] = READER_IDS, states: SnippetState[] = ['ready']): Promise<void> {
  for (const id of ids) {
    await page.locator(id).scrollIntoViewIfNeeded();
    await settle(page, id, states);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** `{ '#chat': 'py', … }`: the selected tab of every mounted viewer (null where none is selected). */
export function selectedTabs(page: Page, ids: readonly string[] = READER_IDS): Promise<Record<string, string | null>> {
  return page.evaluate((ids) => {
    const out: Record<string, string | null> = {};
    for (const id of ids) {
      const shadow = document.querySelector(id)?.querySelector(':scope > [data-snippet-root]')?.shadowRoot;
      out[id] = shadow?.querySelector('[role=tab][aria-selected=true]')?.getAttribute('data-lang') ?? null;
    }
    return out;
  }, ids);
}

/** Waits until every listed viewer shows the expected tab (and its viewer says the same language). */
export async function waitForTabs(page: Page, expected: Record<string, string>): Promise<void> {
  await page.waitForFunction((expected) => {
    return Object.entries(expected).every(([id, lang]) => {
      const shadow = document.querySelector(id)?.querySelector(':scope > [data-snippet-root]')?.shadowRoot;
      return (
        shadow?.querySelector('[role=tab][aria-selected=true]')?.getAttribute('data-lang') === lang &&
        shadow.querySelector('.viewer')?.getAttribute('data-lang') === lang
      );
    });
  }, expected);
}

export interface FocusInfo {
  /** id of the <snippet> the focus is in, or null when it is on a host page element. */
  snippet: string | null;
  tag: string;
  role: string | null;
  lang: string | null;
  action: string | null;
  selected: string | null;
  id: string;
  focusVisible: boolean;
}

/** Where keyboard focus is, following `activeElement` through open shadow roots. */
export function focused(page: Page): Promise<FocusInfo> {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element) throw new Error('nothing is focused');
    const rootNode = element.getRootNode();
    const host = rootNode instanceof ShadowRoot ? rootNode.host.closest('snippet') : null;
    return {
      snippet: host ? `#${host.id}` : null,
      tag: element.localName,
      role: element.getAttribute('role'),
      lang: element.getAttribute('data-lang'),
      action: element.getAttribute('data-action'),
      selected: element.getAttribute('aria-selected'),
      id: element.id,
      focusVisible: element.matches(':focus-visible'),
    };
  });
}

/**
 * Serves image.flux's template chunk without its cURL template: the real bundle, with a
 * library entry that has Python and JavaScript only. Every snippet in shared/snippets/ has
 * py, js and sh, so this is the only way to show, in a browser, a viewer that lacks the
 * language the reader picks.
 */
export async function serveFluxWithoutCurl(context: BrowserContext): Promise<void> {
  await context.route(/\/chunks\/snippet\.image\.flux-(?!image-to-image)[^/]+\.js$/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    const patched = body.replace(/export\s*\{\s*([\w$]+) as default\s*\}/, 'delete $1.templates.sh;$&');
    if (patched === body) throw new Error('the image.flux chunk no longer ends with `export { x as default }`');
    await route.fulfill({ response, body: patched });
  });
}
