// Markup, quotes and template syntax in data-* attributes are shown as text and never run.
import { describe, expect, it } from 'vitest';
import { deepQueryCount, readSnippet, settle, usePages } from './helpers';

const open = usePages();

describe('hostile data attributes', () => {
  it('shows markup literally in every language and executes nothing', async () => {
    const opened = await open('/hostile.html');
    const { page } = opened;
    for (const lang of ['py', 'js', 'sh']) {
      await page.locator(`#prompt [role=tab][data-lang="${lang}"]`).click();
      for (const id of ['#prompt', '#svg']) {
        await page.waitForFunction(
          ({ id, lang }) => document.querySelector(`${id} [data-snippet-root]`)?.shadowRoot?.querySelector('.viewer')?.getAttribute('data-lang') === lang,
          { id, lang },
        );
        await settle(page, id);
      }
      const prompt = await readSnippet(page, '#prompt');
      expect(prompt.viewerLang).toBe(lang);
      // Quotes may be escaped for the language; the markup between them must appear as typed.
      expect(prompt.code, `${lang}: img markup is literal text`).toContain('<img src=x onerror=window.__pwned=1>');
      expect(prompt.code, `${lang}: script markup is literal text`).toContain('</script><script>window.__pwned=2</script>');
      expect(prompt.code, `${lang}: template syntax is not evaluated`).toContain('{{apiKey}}');
      expect(prompt.code, `${lang}: \${} is not interpolated`).toContain('${process.env.HOME}');
      expect(prompt.colouredTokens).toBeGreaterThan(0);
      const svg = await readSnippet(page, '#svg');
      expect(svg.code).toContain('<svg onload=window.__pwned=3><img src=x onerror=window.__pwned=4>');
    }

    // A hostile data-name gets a notice that shows it as text.
    await settle(page, '#bad-name', ['error']);
    const badName = await readSnippet(page, '#bad-name');
    expect(['unknown-snippet', 'invalid-name']).toContain(badName.notice?.code);
    expect(badName.notice?.visible).toBe(true);
    expect(badName.notice?.text).toContain('<img src=x onerror=window.__pwned=5>');

    // Let any injected image error or svg load fire, had one been created.
    await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await deepQueryCount(page, 'img'), 'no <img> anywhere, shadow roots included').toBe(0);
    expect(await deepQueryCount(page, 'svg [onload], svg[onload], [onerror], [onload]')).toBe(0);
    expect(await deepQueryCount(page, 'body script, [data-snippet-root] script')).toBe(0);
    expect(opened.pageErrors).toEqual([]);
  });
});
