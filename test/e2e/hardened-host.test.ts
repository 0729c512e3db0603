// Issue 17, item 2: a hardened host page, which freezes the prototypes every script shares
// before the bundle loads (test/e2e/pages/hardened.js). The entry must evaluate and boot,
// nothing may throw into the page, and the snippets must work: Handlebars' browser runtime
// assigns over Object.prototype's `toString` as it evaluates, which throws on such a page
// (see build/handlebars-hardened-runtime.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './harness.mjs';
import { chooseTab, clipboardAfterCopy, type OpenedPage, readSnippet, settle, usePages, waitForCode } from './helpers';

const open = usePages();
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const SNIPPETS = ['#default', '#override', '#quoted', '#element'];

type HardenedWindow = Window & { __hostErrors: string[]; __frozen: number; Snippets: { version: string; setPayload(values: object): void } };

/** What the page itself heard: uncaught errors and unhandled rejections (window listeners), and page errors. */
async function thrownIntoPage(opened: OpenedPage): Promise<string[]> {
  const heard = await opened.page.evaluate(() => (window as unknown as HardenedWindow).__hostErrors);
  return [...heard, ...opened.pageErrors];
}

describe('a host page that froze the shared prototypes before the bundle loaded', () => {
  for (const [label, path] of [
    ['Object, Array, Function, Promise and String prototypes', '/hardened.html'],
    ['every JavaScript intrinsic, deeply, under the strict CSP', '/csp/hardened.html?lockdown'],
  ] as const) {
    it(`${label}: boots, renders, highlights, switches tabs, copies, and throws nothing into the page`, async () => {
      const opened = await open(path);
      const { page, context } = opened;
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(opened.url).origin });

      // Control: the page really is hardened, and assigning an inherited `toString` throws there.
      const hardening = await page.evaluate(() => {
        let override = 'allowed';
        try {
          (() => {
            'use strict';
            const object: { toString?: () => string } = {};
            object.toString = () => 'x';
          })();
        } catch (error) {
          override = (error as Error).name;
        }
        return {
          frozen: [Object.prototype, Array.prototype, Function.prototype, Promise.prototype, String.prototype].every(Object.isFrozen),
          count: (window as unknown as HardenedWindow).__frozen,
          override,
        };
      });
      expect(hardening).toMatchObject({ frozen: true, override: 'TypeError' });
      if (path.includes('lockdown')) expect(hardening.count).toBeGreaterThan(500);

      expect(await page.evaluate(() => (window as unknown as HardenedWindow).Snippets?.version)).toBe(VERSION);
      for (const id of SNIPPETS) {
        await page.locator(id).scrollIntoViewIfNeeded();
        await settle(page, id);
        const shown = await readSnippet(page, id);
        expect(shown.tabs.map((tab) => tab.lang), id).toEqual(['py', 'js', 'sh']);
        expect(shown.colouredTokens, `${id} is highlighted`).toBeGreaterThan(10);
      }
      expect((await readSnippet(page, '#override')).code).toContain('model="hardened-model"');
      expect((await readSnippet(page, '#quoted')).code).toContain('Say \\"frozen\\"');
      const unknown = await readSnippet(page, '#unknown');
      expect(unknown.state).toBe('error');
      expect(unknown.notice).toMatchObject({ code: 'unknown-snippet', visible: true });
      expect(unknown.notice?.text).toContain('open-ai.chat-completion');

      // A tab picked in one snippet switches them all, highlighted; Copy copies the tab shown.
      await chooseTab(page, '#default', 'js');
      for (const id of SNIPPETS) {
        await page.locator(id).scrollIntoViewIfNeeded();
        await settle(page, id);
        const shown = await readSnippet(page, id);
        expect(shown.viewerLang, id).toBe('js');
        expect(shown.colouredTokens, id).toBeGreaterThan(10);
      }
      const js = await readSnippet(page, '#override');
      expect(await clipboardAfterCopy(page, '#override')).toBe(js.code);

      // The page API and a snippet added later work too.
      await page.evaluate(() => (window as unknown as HardenedWindow).Snippets.setPayload({ model: 'set-on-a-frozen-page' }));
      await waitForCode(page, '#default', 'set-on-a-frozen-page');
      await page.evaluate(() => {
        const later = document.createElement('snippet');
        later.id = 'later';
        later.setAttribute('data-name', 'open-ai.embedding');
        document.querySelector('main')!.append(later);
      });
      await page.locator('#later').scrollIntoViewIfNeeded();
      await settle(page, '#later');

      expect(await thrownIntoPage(opened)).toEqual([]);
      expect(opened.problems().filter((line) => !line.includes('chat-completon') && !line.includes('/favicon.ico'))).toEqual([]);
      expect(opened.console.filter((line) => line.startsWith('error: [snippets]'))).toHaveLength(1);
      if (path.startsWith('/csp/')) expect(await opened.cspViolations()).toEqual([]);
    });
  }
});
