// Pages rendered ahead of time (the Node API, as the CLI and the rehype plugin use it): readable
// with JavaScript off, every language reachable; with the bundle, taken over in place.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSnippetHtml } from '../../src/node/index.ts';
import { ensureTestBuild, serveFixtures } from './harness.mjs';
import { useBrowser } from './helpers';

const browser = useBrowser();
let server: Awaited<ReturnType<typeof serveFixtures>>;
let snippets: string[] = [];

beforeAll(async () => {
  const pagesDir = mkdtempSync(join(tmpdir(), 'prerendered-'));
  snippets = await Promise.all([
    renderSnippetHtml('open-ai.chat-completion', { model: 'built-model' }),
    renderSnippetHtml('voice.tts', {}, { lang: 'sh' }),
    renderSnippetHtml('image.flux', { prompt: 'A "quoted" prompt' }),
  ]);
  const page = (bundle: boolean) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rendered ahead of time</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/dist/bundle.css">
${bundle ? '<script type="module" src="/dist/bundle.js"></script>' : ''}
<style>body { margin: 0; font: 16px system-ui } main { max-width: 860px; margin: 0 auto; padding: 0 24px }
/* A docs theme's blunt rules: they must not reach the code. */
pre, code, span, section, label { color: red !important; font-size: 40px !important; display: block !important; }</style></head>
<body><main><h1>Built docs</h1>
${snippets.map((html, i) => `<h2>Sample ${i + 1}</h2>\n${html.replace('<snippet ', `<snippet id="s${i + 1}" `)}`).join('\n')}
</main></body></html>`;
  writeFileSync(join(pagesDir, 'static.html'), page(false));
  writeFileSync(join(pagesDir, 'adopted.html'), page(true));
  server = await serveFixtures({ distDir: ensureTestBuild(), pagesDir });
});
afterAll(() => server?.close());

/** What the reader sees of a snippet: the shown panel's language and code, and how many tokens are coloured. */
const seen = (page: Page, id: string) =>
  page.evaluate((id) => {
    const root = document.querySelector(`#${id} [data-snippet-root]`)!.shadowRoot!;
    const panel = [...root.querySelectorAll<HTMLElement>('[role=tabpanel]')].find((candidate) => candidate.checkVisibility())!;
    const code = panel.querySelector('code')!;
    const base = getComputedStyle(code).color;
    return {
      lang: panel.getAttribute('data-lang') ?? root.querySelector('.viewer')!.getAttribute('data-lang'),
      code: code.textContent ?? '',
      coloured: [...code.querySelectorAll('span')].filter((span) => getComputedStyle(span).color !== base).length,
      fontSize: getComputedStyle(code).fontSize,
      panels: root.querySelectorAll('[role=tabpanel]').length,
    };
  }, id);

describe('a page rendered ahead of time, JavaScript off', () => {
  it('shows every snippet highlighted, and every language is a click (or an arrow key) away', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/static.html`);
    const first = await seen(page, 's1');
    expect(first).toMatchObject({ lang: 'py', panels: 3 });
    expect(first.code).toContain('model="built-model"');
    expect(first.coloured).toBeGreaterThan(10);
    // The page's blunt rules (in its <style>) did not reach in.
    expect(first.fontSize).toBe('13px');
    expect((await seen(page, 's2')).lang).toBe('sh');
    for (const lang of ['js', 'sh', 'py']) {
      await page.locator(`#s1 label.tab[data-lang="${lang}"]`).click();
      const shown = await seen(page, 's1');
      expect(shown.lang).toBe(lang);
      expect(shown.coloured, lang).toBeGreaterThan(5);
    }
    // By keyboard: the radio group moves with the arrow keys.
    await page.locator('#s1 input.tab-radio[value="py"]').focus();
    await page.keyboard.press('ArrowRight');
    expect((await seen(page, 's1')).lang).toBe('js');
    await context.close();
  });
});

describe('the same page with the bundle', () => {
  it('is taken over in place: no template fetched, nothing moves, tabs and Copy work at once', async () => {
    const context = await browser().newContext({ viewport: { width: 1100, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    await context.addInitScript(() => {
      (window as unknown as { __shift: number }).__shift = 0;
      new PerformanceObserver((list) => {
        // Shifts right after the reader's own click (a taller tab) do not count, as in CLS.
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
          if (!entry.hadRecentInput) (window as unknown as { __shift: number }).__shift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${server.url}/adopted.html`);
    await page.waitForFunction(() => ['plain', 'ready'].includes(document.querySelector('#s1')?.getAttribute('data-state') ?? ''));
    // The first view needs no snippet chunk and no renderer: the page brought the code.
    expect(requests.filter((path) => /\/chunks\/(snippet\.|create-handlebars-renderer)/.test(path))).toEqual([]);
    const adopted = await seen(page, 's1');
    expect(adopted).toMatchObject({ lang: 'py', panels: 1 });
    expect(adopted.code).toContain('model="built-model"');
    expect(adopted.coloured).toBeGreaterThan(10);

    await page.locator('#s1 [role=tab][data-lang="js"]').click();
    expect((await seen(page, 's1')).lang).toBe('js');
    await page.locator('#s1 [data-action="copy"]').click();
    await page.waitForFunction(() => document.querySelector('#s1 [data-snippet-root]')!.shadowRoot!.querySelector('[data-action="copy"]')!.textContent === 'Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe((await seen(page, 's1')).code);
    await page.waitForFunction(() => document.querySelector('#s1')?.getAttribute('data-state') === 'ready');
    expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBe(0);

    // A value set later renders it again, as any snippet.
    await page.evaluate(() => document.querySelector('#s1')!.setAttribute('data-model', 'changed-model'));
    await page.waitForFunction(() => document.querySelector('#s1 [data-snippet-root]')!.shadowRoot!.querySelector('code')!.textContent!.includes('changed-model'));
    await context.close();
  });

  it('takes over markup a script inserted too, whose shadow root the parser left as a template', async () => {
    const context = await browser().newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/adopted.html`);
    await page.waitForFunction(() => document.querySelector('#s1')?.getAttribute('data-state') === 'ready');
    const html = snippets[2]!.replace('<snippet ', '<snippet id="inserted" ');
    await page.evaluate((markup) => document.querySelector('main')!.insertAdjacentHTML('beforeend', markup), html);
    await page.waitForFunction(() => ['plain', 'ready'].includes(document.querySelector('#inserted')?.getAttribute('data-state') ?? ''));
    expect(await page.locator('#inserted [data-snippet-root]').count()).toBe(1);
    expect(await page.locator('#inserted template').count()).toBe(0);
    const shown = await seen(page, 'inserted');
    expect(shown).toMatchObject({ lang: 'py', panels: 1 });
    expect(shown.code).toContain('A \\"quoted\\" prompt');
    // A click on the first paint takes effect at once or as the live viewer takes over.
    await page.locator('#inserted [role=tab][data-lang="sh"]').click();
    await expect.poll(async () => (await seen(page, 'inserted')).lang).toBe('sh');
    await context.close();
  });
});
