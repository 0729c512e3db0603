// Issue 5, the reader's language choice: one click switches the whole page, it is remembered
// before the next first paint, followed across browser tabs, overridden by ?lang=, and the
// widget still works where localStorage throws.
import { describe, expect, it } from 'vitest';
import { chooseTab, inSnippet, readSnippet, settle, usePages } from './helpers';
import { READER_IDS, selectedTabs, serveFluxWithoutCurl, settleAll, waitForTabs } from './reader-helpers';

const open = usePages();

const every = (lang: string) => Object.fromEntries(READER_IDS.map((id) => [id, lang]));

describe('language choice', () => {
  it('choosing a language in one viewer switches every viewer on the page', async () => {
    const opened = await open('/reader.html');
    const { page } = opened;
    await settleAll(page);
    expect(await selectedTabs(page)).toEqual(every('py'));

    await chooseTab(page, '#chat', 'js');
    await waitForTabs(page, every('js'));
    await chooseTab(page, '#tts', 'sh');
    await waitForTabs(page, every('sh'));
    // Each viewer shows that language's code, highlighted, not just a selected tab.
    for (const id of READER_IDS) {
      await settle(page, id);
      const info = await readSnippet(page, id);
      expect(info.code, `${id} shows its cURL code`).toMatch(/^curl /m);
      expect(info.colouredTokens).toBeGreaterThan(0);
    }
    expect(await page.evaluate(() => localStorage.getItem('aiml-snippets.lang'))).toBe('sh');
    expect(opened.problems()).toEqual([]);
  });

  it('a viewer the reader pointed at a language keeps it when another viewer picks one it lacks', async () => {
    const opened = await open('/reader.html');
    const { page, context } = opened;
    await serveFluxWithoutCurl(context);
    await page.reload();
    await settleAll(page);
    expect((await readSnippet(page, '#flux')).tabs.map((tab) => tab.lang), 'image.flux served without cURL').toEqual(['py', 'js']);

    await chooseTab(page, '#flux', 'js');
    await waitForTabs(page, every('js'));
    await chooseTab(page, '#chat', 'sh');
    await waitForTabs(page, { '#chat': 'sh', '#tts': 'sh', '#long': 'sh' });
    expect((await selectedTabs(page))['#flux'], '#flux has no cURL: it keeps the JavaScript tab the reader chose in it').toBe('js');
  });

  it('a viewer that followed the page to a language keeps it when the next choice is one it lacks', async () => {
    // The reader picks JavaScript in #chat: #flux follows and shows JavaScript. Then the reader
    // picks cURL, which #flux does not have: #flux should stay on the JavaScript it shows,
    // not jump to a language nobody chose.
    const opened = await open('/reader.html');
    const { page, context } = opened;
    await serveFluxWithoutCurl(context);
    await page.reload();
    await settleAll(page);
    await chooseTab(page, '#chat', 'js');
    await waitForTabs(page, every('js'));
    await chooseTab(page, '#chat', 'sh');
    await waitForTabs(page, { '#chat': 'sh', '#tts': 'sh', '#long': 'sh' });
    expect((await selectedTabs(page))['#flux'], '#flux keeps the tab it was showing (JavaScript)').toBe('js');
  });
});

/**
 * Init script: records, for every snippet, the tab selected at the moment its `data-state`
 * first becomes plain or ready, and every tab its viewer ever showed as selected (observed in
 * its shadow root from the moment it is attached).
 */
function recordFirstPaint() {
  type Seen = { state: string; lang: string | null };
  const w = window as unknown as { __firstShown: Record<string, Seen>; __tabHistory: Record<string, string[]> };
  w.__firstShown = {};
  w.__tabHistory = {};
  // The language a viewer shows: the plain preview painted before React loads and the viewer both
  // carry it as data-lang (the preview has no working tabs yet, so no aria-selected).
  const selected = (snippet: Element | null) =>
    snippet?.querySelector(':scope > [data-snippet-root]')?.shadowRoot?.querySelector('.viewer[data-lang]')?.getAttribute('data-lang') ?? null;
  new MutationObserver((records) => {
    for (const record of records) {
      const snippet = record.target as Element;
      const state = snippet.getAttribute('data-state') ?? '';
      if ((state === 'plain' || state === 'ready') && !(snippet.id in w.__firstShown)) {
        w.__firstShown[snippet.id] = { state, lang: selected(snippet) };
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    new MutationObserver(() => {
      const snippet = root.host.parentElement;
      const lang = selected(snippet);
      if (!snippet || !lang) return;
      const history = (w.__tabHistory[snippet.id] ??= []);
      if (history[history.length - 1] !== lang) history.push(lang);
    }).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-selected', 'data-lang'] });
    return root;
  };
}

describe('remembered choice', () => {
  it('after a reload, the remembered tab is already selected the first time a viewer shows code', async () => {
    const opened = await open('/reader.html', { initScript: recordFirstPaint });
    const { page } = opened;
    await settle(page, '#chat');
    await chooseTab(page, '#chat', 'sh');
    await page.reload();
    await settle(page, '#chat');
    await settle(page, '#flux');
    const { firstShown, history } = await page.evaluate(() => {
      const w = window as unknown as { __firstShown: unknown; __tabHistory: unknown };
      return { firstShown: w.__firstShown, history: w.__tabHistory };
    });
    expect(firstShown).toMatchObject({ chat: { lang: 'sh' }, flux: { lang: 'sh' } });
    // Not Python first and cURL a moment later: cURL is the only tab these viewers ever selected.
    expect(history).toMatchObject({ chat: ['sh'], flux: ['sh'] });
    expect(opened.problems()).toEqual([]);
  });

  it('a choice made in one browser tab switches another open tab without a reload', async () => {
    const opened = await open('/reader.html');
    const pageA = opened.page;
    const pageB = await opened.context.newPage();
    await pageB.goto(opened.url);
    await settle(pageA, '#chat');
    await settle(pageB, '#chat');
    await settle(pageB, '#flux');
    await pageB.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    expect(await selectedTabs(pageB, ['#chat', '#flux'])).toEqual({ '#chat': 'py', '#flux': 'py' });

    await pageA.bringToFront();
    await chooseTab(pageA, '#chat', 'sh');
    await waitForTabs(pageB, { '#chat': 'sh', '#flux': 'sh' });
    expect(await pageB.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument), 'page B was not reloaded').toBe(true);
    await settle(pageB, '#chat');
    expect((await readSnippet(pageB, '#chat')).code).toMatch(/^curl /m);

    // And back the other way, from B to A.
    await pageB.bringToFront();
    await chooseTab(pageB, '#flux', 'js');
    await waitForTabs(pageA, { '#chat': 'js', '#flux': 'js' });
  });

  it('?lang= in the page URL wins over the remembered choice for that page view only', async () => {
    const opened = await open('/reader.html');
    const { page } = opened;
    await settle(page, '#chat');
    await chooseTab(page, '#chat', 'sh');
    for (const [query, lang] of [
      ['js', 'js'],
      ['javascript', 'js'],
      ['python', 'py'],
      ['py', 'py'],
    ]) {
      await page.goto(`${opened.url}?lang=${query}`);
      await settle(page, '#chat');
      await settle(page, '#flux');
      expect(await selectedTabs(page, ['#chat', '#flux']), `?lang=${query}`).toEqual({ '#chat': lang, '#flux': lang });
    }
    expect(await page.evaluate(() => localStorage.getItem('aiml-snippets.lang')), 'the URL does not overwrite the choice').toBe('sh');
    await page.goto(opened.url);
    await settle(page, '#chat');
    expect(await selectedTabs(page, ['#chat']), 'without ?lang= the remembered choice is back').toEqual({ '#chat': 'sh' });
    await page.goto(`${opened.url}?lang=nonsense`);
    await settle(page, '#chat');
    expect(await selectedTabs(page, ['#chat']), 'an unknown ?lang= is ignored').toEqual({ '#chat': 'sh' });
    expect(opened.problems()).toEqual([]);
  });
});

/** Init script: every access to window.localStorage throws, as in some sandboxed frames and privacy modes. */
function localStorageThrows() {
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError');
    },
  });
}

/** Init script: reading works, but every write throws (a full quota). */
function localStorageFull() {
  Storage.prototype.setItem = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
}

describe('storage failures', () => {
  for (const [name, initScript, pattern] of [
    ['localStorage throws SecurityError', localStorageThrows, /Access is denied/],
    ['localStorage writes throw QuotaExceededError', localStorageFull, /quota/i],
  ] as const) {
    it(`${name}: viewers render, tabs and wrap work, at most one console warning`, async () => {
      const opened = await open('/reader.html', { initScript });
      const { page } = opened;
      await settleAll(page);
      await chooseTab(page, '#chat', 'js');
      await waitForTabs(page, every('js'));
      await chooseTab(page, '#flux', 'sh');
      await waitForTabs(page, every('sh'));
      await inSnippet(page, '#chat', 'button[data-action=wrap]').click();
      await page.waitForFunction(() =>
        ['#chat', '#flux'].every(
          (id) => document.querySelector(`${id} [data-snippet-root]`)?.shadowRoot?.querySelector('[role=tabpanel]')?.getAttribute('data-wrap') === 'true',
        ),
      );
      const warnings = opened.console.filter((line) => line.startsWith('warning:'));
      expect(warnings.length, warnings.join('\n')).toBeLessThanOrEqual(1);
      for (const line of warnings) {
        expect(line).toMatch(/^warning: \[snippets\] localStorage is not available/);
        expect(line).toMatch(pattern);
      }
      expect(opened.problems()).toEqual([]);
    });
  }

  it('the SecurityError init script really takes localStorage away from the page', async () => {
    const opened = await open('/reader.html', { initScript: localStorageThrows });
    const name = await opened.page.evaluate(() => {
      try {
        void window.localStorage;
        return 'no error';
      } catch (error) {
        return (error as DOMException).name;
      }
    });
    expect(name).toBe('SecurityError');
  });
});
