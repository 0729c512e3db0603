// @vitest-environment jsdom
// The frame page's HTML as a browser parses it (jsdom): what it loads and what it runs.
import { describe, expect, it } from 'vitest';
import { framePage } from '../../integrations/gitbook/scripts/frame-page';

const CDN = 'https://cdn.example.test/snippets/1.2.3/';
const INTEGRITY = { js: 'sha384-js+/=', css: 'sha384-css+/=' };

describe('the frame page', () => {
  const { html, csp } = framePage({ cdn: CDN, integrity: INTEGRITY, script: 'window.started = "yes";' });
  const doc = new DOMParser().parseFromString(html, 'text/html');

  it('loads the release’s stylesheet and module, pinned, and runs its one inline script in the body', () => {
    const attrs = (el: Element, names: string[]) => names.map((name) => el.getAttribute(name));
    expect([...doc.querySelectorAll('link')].map((l) => attrs(l, ['rel', 'href', 'integrity', 'crossorigin']))).toEqual([['stylesheet', `${CDN}bundle.css`, INTEGRITY.css, 'anonymous']]);
    const scripts = [...doc.querySelectorAll('script')];
    expect(scripts.map((s) => [...attrs(s, ['type', 'src', 'integrity', 'crossorigin']), s.parentElement!.tagName])).toEqual([
      ['module', `${CDN}bundle.js`, INTEGRITY.js, 'anonymous', 'HEAD'],
      // A classic script at the end of the body runs while the page parses: `@webframe.ready`
      // goes out at once, not after the bundle has been fetched.
      [null, null, null, null, 'BODY'],
    ]);
    expect(scripts[1]!.textContent).toBe('window.started = "yes";');
    expect(doc.body.children).toHaveLength(1);
  });

  it('carries its policy in a meta element too, and follows the reader’s colour scheme', () => {
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toBe(csp);
    expect(doc.querySelector('meta[name="color-scheme"]')!.getAttribute('content')).toBe('light dark');
    expect(doc.querySelector('meta[name="referrer"]')!.getAttribute('content')).toBe('no-referrer');
    expect(csp.split('; ')[0]).toBe("default-src 'none'");
  });

  it('only takes an absolute CDN folder', () => {
    for (const cdn of ['https://cdn.example.test/snippets/1.2.3', '/snippets/1.2.3/', 'https://cdn.example.test/a"b/', "https://cdn.example.test/x;script-src 'unsafe-inline'/"]) {
      expect(() => framePage({ cdn, integrity: INTEGRITY, script: '' }), cdn).toThrow(/The CDN folder must be an absolute URL ending in "\/", of letters, digits and \. _ ~ % - only, got /);
    }
    expect(() => framePage({ cdn: 'http://127.0.0.1:4173/', integrity: INTEGRITY, script: '' })).not.toThrow();
  });
});
