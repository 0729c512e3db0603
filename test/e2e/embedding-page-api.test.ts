// Issue 6, the page API (`window.Snippets`): the loader stub's queued calls, setPayload's
// precedence, the events (through `on()` and as DOM events), and what happens to a secret.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SnippetsApi } from '../../src/host/create-page-api.ts';
import { REPO_ROOT } from './harness.mjs';
import { chooseTab, clipboardAfterCopy, type OpenedPage, readSnippet, settle, usePages, waitForCode } from './helpers';

const open = usePages();

const NAME = 'open-ai.chat-completion';
const PAGE = '/embedding-api.html';

interface Recorded {
  via: 'on' | 'dom';
  type: string;
  target: string;
  detail: Record<string, unknown>;
}
/** What embedding-api.js keeps on the page. */
type ApiWindow = Window & {
  Snippets: SnippetsApi;
  __events: Recorded[];
  __renders: { target: string; code: string | null }[];
};

const events = (page: Page) => page.evaluate(() => (window as unknown as ApiWindow).__events);


async function grantClipboard(opened: OpenedPage): Promise<void> {
  await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(opened.url).origin });
}

describe('loader stub: calls queued before bundle.js loads', () => {
  it('replays them in order, before the first render, and a push after load runs at once', async () => {
    const opened = await open(PAGE);
    const { page } = opened;
    await settle(page, '#page');
    await settle(page, '#own');

    const version = await page.evaluate(() => (window as unknown as ApiWindow).Snippets.version);
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(version).toBe(pkg.version);

    // Two queued setPayload calls: the second, replayed last, wins.
    const shown = await readSnippet(page, '#page');
    expect(shown.code).toContain('model="queued-second-model"');
    expect(shown.code).not.toContain('queued-first-model');
    // The element's own data-model still beats the queued page value.
    const own = await readSnippet(page, '#own');
    expect(own.code).toContain('own-model');
    expect(own.code).not.toContain('queued-second-model');

    // The render handler was queued first, so it saw every render, the first one included,
    // and no render ever showed the config default or the first queued value.
    const renders = await page.evaluate(() => (window as unknown as ApiWindow).__renders);
    const pageRenders = renders.filter((render) => render.target === 'page');
    expect(pageRenders.length, 'render events recorded for #page').toBeGreaterThan(0);
    for (const render of pageRenders) {
      expect(render.code).toContain('queued-second-model');
      expect(render.code).not.toMatch(/model="gpt-4o"|queued-first-model/);
    }
    expect(renders.filter((render) => render.target === 'own').length).toBeGreaterThan(0);

    // The one bogus queued call is reported once, with the prefix, and did not stop the calls after it.
    const bogus = opened.console.filter((line) => line.includes('notASnippetsMethod'));
    expect(bogus).toHaveLength(1);
    expect(bogus[0]).toMatch(/^warning: \[snippets\] /);

    // After load, the stub's push runs at once.
    const before = pageRenders.length;
    await page.evaluate(() => {
      (window as unknown as ApiWindow).Snippets.q.push(['setPayload', { model: 'pushed-after-load-model' }]);
    });
    await waitForCode(page, '#page', 'pushed-after-load-model');
    const after = await page.evaluate(() => (window as unknown as ApiWindow).__renders.filter((r) => r.target === 'page'));
    expect(after.length).toBeGreaterThan(before);
    expect(after.at(-1)?.code).toContain('pushed-after-load-model');
    expect(opened.problems({ allowSnippetErrors: true })).toEqual([]);
  });
});

describe('Snippets.setPayload after load', () => {
  it('re-renders mounted viewers; an element’s own data-* still wins, and falls back to the page value when removed', async () => {
    const opened = await open(PAGE);
    const { page } = opened;
    await settle(page, '#page');
    await settle(page, '#own');

    await page.evaluate(() => (window as unknown as ApiWindow).Snippets.setPayload({ model: 'page-wide-model', maxTokens: 99 }));
    await waitForCode(page, '#page', 'page-wide-model');
    const shown = await readSnippet(page, '#page');
    expect(shown.viewerLang).toBe('py');
    expect(shown.code).toContain('model="page-wide-model"');
    expect(shown.code).toContain('max_tokens=99');
    expect(shown.colouredTokens).toBeGreaterThan(0);

    // #own keeps its data-model but takes the page-wide value it does not override.
    await waitForCode(page, '#own', 'max_tokens=99');
    const own = await readSnippet(page, '#own');
    expect(own.code).toContain('model="own-model"');
    expect(own.code).not.toContain('page-wide-model');

    // Changing the attribute re-renders with the new value, still above the page value.
    await page.locator('#own').evaluate((el) => el.setAttribute('data-model', 'own-changed-model'));
    await waitForCode(page, '#own', 'own-changed-model');
    expect((await readSnippet(page, '#own')).code).not.toContain('page-wide-model');

    // Without its own value, the element shows the page-wide one.
    await page.locator('#own').evaluate((el) => el.removeAttribute('data-model'));
    await waitForCode(page, '#own', 'model="page-wide-model"');

    // Other tabs follow too.
    await chooseTab(page, '#page', 'js');
    const js = await readSnippet(page, '#page');
    expect(js.code).toContain('model: "page-wide-model"');
    expect(js.code).toContain('max_tokens: 99');
    expect(opened.problems({ allowSnippetErrors: true })).toEqual([]);
  });
});

describe('events', () => {
  it('reports render, error and copy with the documented payloads, through on() and as bubbling DOM events', async () => {
    const opened = await open(PAGE);
    const { page } = opened;
    await grantClipboard(opened);
    await settle(page, '#page');
    await settle(page, '#own');
    await settle(page, '#missing', ['error']);

    const seen = await events(page);
    const render = { type: 'render', name: NAME, languages: ['py', 'js', 'sh'] };
    for (const via of ['on', 'dom'] as const) {
      for (const target of ['page', 'own']) {
        expect(seen, `${via} render for #${target}`).toContainEqual({ via, type: 'render', target, detail: render });
      }
      const errors = seen.filter((event) => event.via === via && event.type === 'error');
      expect(errors, `${via}: one error event, for #missing`).toHaveLength(1);
      expect(errors[0]?.target).toBe('missing');
      expect(Object.keys(errors[0]!.detail).sort()).toEqual(['code', 'message', 'name', 'type']);
      expect(errors[0]!.detail).toMatchObject({ type: 'error', name: 'open-ai.no-such-snippet', code: 'unknown-snippet' });
      expect(errors[0]!.detail.message).toContain('open-ai.no-such-snippet');
    }
    // Both channels carry the same error details.
    const [onError, domError] = ['on', 'dom'].map((via) => seen.find((e) => e.via === via && e.type === 'error')?.detail);
    expect(domError).toEqual(onError);
    // Every render detail has exactly the documented fields.
    for (const event of seen.filter((e) => e.type === 'render')) expect(Object.keys(event.detail).sort()).toEqual(['languages', 'name', 'type']);
    expect(seen.filter((event) => event.type === 'copy'), 'no copy before a click').toEqual([]);

    // Copy: the JavaScript tab of #own.
    await chooseTab(page, '#own', 'js');
    const shown = await readSnippet(page, '#own');
    expect(await clipboardAfterCopy(page, '#own')).toBe(shown.code);
    await page.waitForFunction(() => (window as unknown as ApiWindow).__events.filter((e) => e.type === 'copy').length >= 2);
    const copies = (await events(page)).filter((event) => event.type === 'copy');
    expect(copies).toEqual([
      { via: 'on', type: 'copy', target: 'own', detail: { type: 'copy', name: NAME, language: 'js' } },
      { via: 'dom', type: 'copy', target: 'own', detail: { type: 'copy', name: NAME, language: 'js' } },
    ]);

    // on() returns an unsubscribe function that works.
    await page.evaluate(() => {
      const w = window as unknown as ApiWindow & { __unsubscribed: unknown[] };
      w.__unsubscribed = [];
      const off = w.Snippets.on('copy', (detail) => w.__unsubscribed.push(detail));
      off();
    });
    await chooseTab(page, '#page', 'sh');
    await clipboardAfterCopy(page, '#page');
    await page.waitForFunction(() => (window as unknown as ApiWindow).__events.filter((e) => e.type === 'copy').length >= 4);
    const later = (await events(page)).filter((event) => event.type === 'copy').slice(2);
    expect(later.map((e) => [e.via, e.target, e.detail.language])).toEqual([
      ['on', 'page', 'sh'],
      ['dom', 'page', 'sh'],
    ]);
    expect(await page.evaluate(() => (window as unknown as { __unsubscribed: unknown[] }).__unsubscribed)).toEqual([]);
    expect(opened.problems({ allowSnippetErrors: true })).toEqual([]);
  });
});

describe('a secret set through setPayload', () => {
  const KEY = 'sk-live-4f9Qz7TgW2mXcV8bN1rYhK3d';
  const MASK = `••••••••${KEY.slice(-4)}`;

  it('is masked on screen in every tab, copied in full, and appears in no storage, URL, event or console line', async () => {
    const opened = await open(PAGE);
    const { page } = opened;
    await grantClipboard(opened);
    await settle(page, '#page');
    await settle(page, '#own');

    await page.evaluate((key) => (window as unknown as ApiWindow).Snippets.setPayload({ apiKey: key }), KEY);
    await waitForCode(page, '#page', MASK);

    const tabs = (await readSnippet(page, '#page')).tabs.map((tab) => tab.lang!);
    expect(tabs).toEqual(['py', 'js', 'sh']);
    for (const lang of tabs) {
      await chooseTab(page, '#page', lang);
      for (const selector of ['#page', '#own']) {
        const shown = await readSnippet(page, selector);
        expect(shown.viewerLang).toBe(lang);
        expect(shown.code, `${selector} ${lang} shows the mask`).toContain(MASK);
        expect(shown.code, `${selector} ${lang} hides the key`).not.toContain(KEY.slice(0, -4));
      }
      const shown = await readSnippet(page, '#page');
      const copied = await clipboardAfterCopy(page, '#page');
      expect(copied, `${lang}: the clipboard holds the shown code with the full key`).toBe(shown.code!.replaceAll(MASK, KEY));
      expect(copied).toContain(KEY);
    }
    expect((await readSnippet(page, '#page')).code).toContain(`Authorization: Bearer ${MASK}`);

    // Nowhere in the page's DOM (light or shadow), text or attributes.
    const domText = await page.evaluate(() => {
      const parts: string[] = [];
      const visit = (root: Document | ShadowRoot) => {
        for (const el of root.querySelectorAll('*')) {
          for (const attr of el.attributes) parts.push(attr.value);
          if (el.shadowRoot) visit(el.shadowRoot);
        }
        for (const el of root.querySelectorAll('*')) parts.push(el.textContent ?? '');
      };
      visit(document);
      return parts.join('\n');
    });
    expect(domText).toContain(MASK);
    expect(domText).not.toContain(KEY);

    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
    expect(storage, 'the tab choice is in localStorage, so the scan reads the right store').toContain('aiml-snippets.lang');
    expect(storage).not.toContain(KEY);
    expect(await page.evaluate(() => location.href + JSON.stringify(history.state))).not.toContain(KEY);

    const recorded = JSON.stringify(await events(page));
    expect(recorded).toContain('"type":"copy"');
    expect(recorded).not.toContain(KEY);

    expect(opened.console.some((line) => line.includes('[page] on copy')), 'the page logs events to the console').toBe(true);
    expect(opened.console.filter((line) => line.includes(KEY) || line.includes(KEY.slice(0, 12)))).toEqual([]);
    expect(opened.problems({ allowSnippetErrors: true })).toEqual([]);
  });
});
