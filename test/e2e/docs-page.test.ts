// A plain docs page with several snippets: each becomes a highlighted viewer, lazily, with a clean console.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './harness.mjs';
import { readSnippet, settle, usePages } from './helpers';

const open = usePages();

const VISIBLE = [
  { id: '#default', model: 'gpt-4o' },
  { id: '#mini', model: 'gpt-4o-mini' },
  { id: '#custom', model: 'claude-3-5-sonnet' },
];

describe('docs-like page', () => {
  it('turns every snippet in view into a viewer with highlighted code, in a shadow root', async () => {
    const opened = await open('/docs.html');
    const { page } = opened;
    for (const { id, model } of VISIBLE) {
      await settle(page, id);
      const info = await readSnippet(page, id);
      expect(info.hasRoot, `${id} has a [data-snippet-root] child`).toBe(true);
      expect(info.shadowMode, `${id} root has an open shadow root`).toBe('open');
      expect(info.title).toBe('Create a chat completion');
      expect(info.tabs.map((tab) => [tab.lang, tab.label])).toEqual([
        ['py', 'Python'],
        ['js', 'JavaScript'],
        ['sh', 'cURL'],
      ]);
      expect(info.tabs.filter((tab) => tab.selected)).toHaveLength(1);
      expect(info.viewerLang).toBe(info.tabs.find((tab) => tab.selected)?.lang);
      expect(info.code, `${id} code names its model`).toContain(model);
      expect(info.tokenSpans, `${id} code is split into token spans`).toBeGreaterThan(10);
      expect(info.colouredTokens, `${id}: some token is coloured differently from ${info.defaultColour}`).toBeGreaterThan(0);
      expect(info.notice).toBeNull();
    }
    expect((await readSnippet(page, '#custom')).code).toContain('Write a haiku about tensors.');
    expect((await readSnippet(page, '#mini')).code).toMatch(/\b64\b/);
    expect(opened.problems()).toEqual([]);
  });

  it('shows the build\'s highlighting in the first paint: no highlighter is fetched, each chunk once', async () => {
    const opened = await open('/docs.html', {
      // What the code looks like the moment it first shows, before the viewer (React) takes over.
      initScript: () => {
        new MutationObserver(() => {
          const element = document.querySelector('#default');
          const win = window as unknown as { __firstPaint?: { highlight: string | null; spans: number } };
          if (win.__firstPaint || element?.getAttribute('data-state') !== 'plain') return;
          const viewer = element.querySelector('[data-snippet-root]')!.shadowRoot!.querySelector('.viewer')!;
          win.__firstPaint = { highlight: viewer.getAttribute('data-highlight'), spans: viewer.querySelectorAll('code span').length };
        }).observe(document, { subtree: true, attributeFilter: ['data-state'] });
      },
    });
    const { page } = opened;
    for (const { id } of VISIBLE) await settle(page, id);
    const first = await page.evaluate(() => (window as unknown as { __firstPaint?: { highlight: string | null; spans: number } }).__firstPaint);
    expect(first?.highlight).toBe('highlighted');
    expect(first?.spans).toBeGreaterThan(10);

    for (const lang of ['js', 'sh']) {
      await page.locator(`#default [role=tab][data-lang="${lang}"]`).click();
      await settle(page, '#default');
      expect((await readSnippet(page, '#default')).colouredTokens, lang).toBeGreaterThan(0);
    }
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
    // Plain values in every snippet: the build's tokens serve every tab, and Shiki never loads.
    expect(fetched.filter((path) => /\/chunks\/(create-shiki-tokenizer|python|javascript|shellscript)-/.test(path))).toEqual([]);
    // The snippet's chunk is fetched ahead (modulepreload) and the import() reuses it; the
    // viewer likewise, once the code shows.
    expect(fetched.filter((path) => /\/chunks\/snippet\.open-ai\.chat-completion-[\w-]+\.js$/.test(path))).toHaveLength(1);
    expect(fetched.filter((path) => /\/chunks\/live-root-[\w-]+\.js$/.test(path))).toHaveLength(1);
    expect(fetched.filter((path) => /\/chunks\/create-handlebars-renderer-[\w-]+\.js$/.test(path))).toHaveLength(1);
    expect(opened.problems()).toEqual([]);
  });

  it('puts the code of a snippet far below the fold in the page at once, plain, and colours it when scrolled near', async () => {
    const opened = await open('/docs.html');
    const { page } = opened;
    for (const { id } of VISIBLE) await settle(page, id);
    await settle(page, '#far', ['plain']);
    const far = await readSnippet(page, '#far');
    expect(far.code, 'off-screen code is in the page, for find-in-page, print and readers that never scroll').toContain('far-below-model');
    expect(far.tokenSpans, 'off-screen code is plain text: cheap to keep').toBe(0);
    await page.locator('#far').scrollIntoViewIfNeeded();
    await settle(page, '#far');
    const info = await readSnippet(page, '#far');
    expect(info.code).toContain('far-below-model');
    expect(info.colouredTokens).toBeGreaterThan(0);
    expect(opened.problems()).toEqual([]);
  });

  it('saves a screenshot of the page to test-artifacts/', async () => {
    const opened = await open('/docs.html');
    for (const { id } of VISIBLE) await settle(opened.page, id);
    const dir = join(REPO_ROOT, 'test-artifacts');
    mkdirSync(dir, { recursive: true });
    const shot = await opened.page.screenshot({ path: join(dir, 'docs-page.png') });
    expect(shot.byteLength).toBeGreaterThan(1000);
    await opened.page.emulateMedia({ colorScheme: 'dark' });
    await opened.page.screenshot({ path: join(dir, 'docs-page-dark.png') });
  });
});
