// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cataloguePage, renderCataloguePage, type CatalogueEntry } from '../../build/catalogue-page.ts';
import { scanLibrary } from '../../build/read-library.ts';

const FILTER_SCRIPT = readFileSync('build/catalogue/catalogue.js', 'utf8');

const entries: CatalogueEntry[] = [
  { id: 'image.flux', group: 'image', title: 'Generate an image with FLUX', docs: 'https://docs.aimlapi.com/image' },
  { id: 'image.openai', group: 'image', title: 'Generate an image with DALL·E', docs: null },
  { id: 'voice.tts', group: 'voice', title: 'Text to speech', docs: null },
];

/** Emits the catalogue as `vite build` does, through the plugin's generateBundle hook. */
function emitCatalogue(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const context = {
    emitFile: (file: { fileName: string; source: string }) => (files[file.fileName] = file.source),
    error: (message: string) => {
      throw new Error(message);
    },
  };
  const hook = cataloguePage({ root }).generateBundle as unknown as (this: typeof context) => void;
  hook.call(context);
  return files;
}

describe('renderCataloguePage', () => {
  it('escapes every value it puts into HTML', () => {
    const html = renderCataloguePage([
      { id: 'x."><script>alert(1)</script>', group: '<b>g</b>', title: `<img src=x onerror=alert(1)> & "t" 'q'`, docs: 'https://e.com/?a=1&b="2"' },
    ]);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>g');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;t&quot; &#39;q&#39;');
    expect(html).toContain('href="https://e.com/?a=1&amp;b=&quot;2&quot;"');
  });

  it('loads only external scripts, so it works under script-src \'self\'', () => {
    const html = renderCataloguePage(entries);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts).toEqual(['<script type="module" src="./bundle.js">', '<script type="module" src="./catalogue.js">']);
    expect(html).not.toMatch(/<script\b[^>]*>[^<]/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).toContain('<link rel="stylesheet" href="./bundle.css">');
  });
});

describe('the catalogue filter', () => {
  const load = (search = '') => {
    window.history.replaceState(null, '', `/catalogue.html${search}`);
    document.documentElement.innerHTML = renderCataloguePage(entries).replace(/^<!doctype html>\s*<html[^>]*>/i, '').replace(/<\/html>\s*$/, '');
    // The script is a plain browser script, as the page loads it.
    new Function(FILTER_SCRIPT)();
    const input = document.getElementById('catalogue-filter') as HTMLInputElement;
    const type = (text: string) => {
      input.value = text;
      input.dispatchEvent(new Event('input'));
    };
    const visible = () => [...document.querySelectorAll<HTMLElement>('.entry')].filter((e) => !e.hidden).map((e) => e.id);
    const status = () => document.getElementById('catalogue-status')!.textContent;
    return { type, visible, status };
  };

  it('shows the snippets whose id or title holds every word typed, and says how many', () => {
    const page = load();
    expect(page.visible()).toEqual(['image.flux', 'image.openai', 'voice.tts']);
    expect(page.status()).toBe('3 snippets');

    page.type('IMAGE dall');
    expect(page.visible()).toEqual(['image.openai']);
    expect(page.status()).toBe('1 of 3 snippets');
    expect((document.querySelector('[data-group="voice"]') as HTMLElement).hidden).toBe(true);
    expect(new URL(window.location.href).searchParams.get('q')).toBe('IMAGE dall');

    page.type('nothing-like-this');
    expect(page.visible()).toEqual([]);
    expect(document.getElementById('catalogue-empty')!.hidden).toBe(false);

    page.type('');
    expect(page.visible()).toHaveLength(3);
    expect(window.location.search).toBe('');
  });

  it('starts from the ?q= of a shared link', () => {
    const page = load('?q=speech');
    expect(page.visible()).toEqual(['voice.tts']);
  });
});

describe('cataloguePage (the Vite plugin)', () => {
  it('emits catalogue.html with every snippet of the library, plus its script and styles', () => {
    const files = emitCatalogue('shared/snippets');
    expect(Object.keys(files).sort()).toEqual(['catalogue.css', 'catalogue.html', 'catalogue.js']);
    const names = [...files['catalogue.html']!.matchAll(/<snippet data-name="([^"]+)"><\/snippet>/g)].map((m) => m[1]);
    expect(names).toEqual(scanLibrary('shared/snippets').map((e) => e.id));
    expect(files['catalogue.js']).toBe(FILTER_SCRIPT);
  });

  it('shows each snippet’s description and variables: the attribute an author writes, its default, and what it is', () => {
    document.body.innerHTML = emitCatalogue('shared/snippets')['catalogue.html']!.replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/g, '');
    const chat = document.getElementById('open-ai.chat-completion')!;
    expect(chat.querySelector('p:not(.meta)')!.textContent).toMatch(/\.$/);
    const rows = [...chat.querySelectorAll('.variables tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toContainEqual(['data-model', 'gpt-4o', '', expect.stringMatching(/\S/)]);
    expect(rows).toContainEqual(['data-api-key', '<YOUR_API_KEY>', 'secret', expect.stringMatching(/\S/)]);
    expect(rows.map(([attribute]) => attribute)).toContain('data-max-tokens');
  });

  it('fails the build on a config that is not JSON', () => {
    expect(() => emitCatalogue('test/library/fixtures/broken')).toThrow(/not-json\/config\.json is not valid JSON/);
  });
});
