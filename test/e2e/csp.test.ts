// The same pages under `Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'`,
// and under the other policies sites use (issue 17, item 5): nonce-based, with or without
// 'strict-dynamic', Trusted Types, and `default-src 'self'` alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestBuild, PAGES_DIR, STRICT_CSP, serveFixtures } from './harness.mjs';
import { type OpenedPage, readSnippet, settle, usePages } from './helpers';
import { exerciseSpa } from './spa-scenario';

const open = usePages();

describe('strict Content-Security-Policy', () => {
  it('serves the /csp/ pages with the strict policy', async () => {
    const opened = await open('/csp/docs.html');
    const header = await opened.page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    expect(header).toBe(STRICT_CSP);
  });

  it('renders and highlights the docs page with zero CSP violations', async () => {
    const opened = await open('/csp/docs.html');
    const { page } = opened;
    for (const id of ['#default', '#mini', '#custom']) {
      await settle(page, id);
      const info = await readSnippet(page, id);
      expect(info.code?.length).toBeGreaterThan(100);
      expect(info.colouredTokens, `${id} token colours survive CSP (set via CSSOM, not style="")`).toBeGreaterThan(0);
    }
    // Chunks loaded later (the far snippet) must be CSP-clean too.
    await page.locator('#far').scrollIntoViewIfNeeded();
    await settle(page, '#far');
    for (const lang of ['js', 'sh']) {
      await page.locator(`#default [role=tab][data-lang="${lang}"]`).click();
      await settle(page, '#default');
    }
    expect(await opened.cspViolations()).toEqual([]);
    expect(opened.problems()).toEqual([]);

    // Control: the recorder does see a violation, so the empty list above means something.
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { outline: 1px solid red; }';
      document.head.append(style);
    });
    await page.waitForFunction(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.length > 0);
    expect((await opened.cspViolations()).join('\n')).toMatch(/style-src/);
  });

  it('follows single-page navigation under the policy with zero violations', async () => {
    const opened = await open('/csp/spa.html');
    await exerciseSpa(opened);
    expect(await opened.cspViolations()).toEqual([]);
  });
});

/** The policies, each served at `/policy/<name>/` over the test pages. */
const POLICIES = {
  nonce: "script-src 'nonce-abc'; style-src 'self'",
  'strict-dynamic': "script-src 'nonce-abc' 'strict-dynamic'; style-src 'self'; object-src 'none'; base-uri 'none'",
  'trusted-types': "require-trusted-types-for 'script'; trusted-types 'none'",
  'default-self': "default-src 'self'",
} as const;
type PolicyName = keyof typeof POLICIES;

/** Renders the docs page's snippets, the far one (chunks fetched later) and another tab of each. */
async function exerciseDocs(opened: OpenedPage): Promise<void> {
  const { page } = opened;
  for (const id of ['#default', '#mini', '#custom']) {
    await settle(page, id);
    expect((await readSnippet(page, id)).colouredTokens, id).toBeGreaterThan(10);
  }
  await page.locator('#far').scrollIntoViewIfNeeded();
  await settle(page, '#far');
  await page.locator('#default [role=tab][data-lang="js"]').click();
  for (const id of ['#default', '#far']) {
    await page.waitForFunction((id) => document.querySelector(`${id} [data-snippet-root]`)?.shadowRoot?.querySelector('.viewer')?.getAttribute('data-lang') === 'js', id);
    await settle(page, id);
    expect((await readSnippet(page, id)).colouredTokens, id).toBeGreaterThan(10);
  }
}

describe('the policies sites use', () => {
  let server: Awaited<ReturnType<typeof serveFixtures>>;
  const open = usePages();
  beforeAll(async () => {
    server = await serveFixtures({
      distDir: ensureTestBuild(),
      mounts: Object.fromEntries(Object.keys(POLICIES).map((name) => [`/policy/${name}/`, PAGES_DIR])),
      headers: (path): Record<string, string> => {
        const name = /^\/policy\/([\w-]+)\//.exec(path)?.[1] as PolicyName | undefined;
        return name && name in POLICIES ? { 'Content-Security-Policy': POLICIES[name] } : {};
      },
    });
  });
  afterAll(() => server?.close());

  const page = (name: PolicyName, file: string) => `${server.url}/policy/${name}/${file}`;

  for (const name of ['nonce', 'strict-dynamic'] as const) {
    it(`${name}: the preload links carry the bundle's nonce; everything renders with zero violations`, async () => {
      const opened = await open(page(name, 'csp-nonce.html'));
      expect(await opened.page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'))).toBe(POLICIES[name]);
      await exerciseDocs(opened);
      const links = await opened.page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload]')].map((link) => link.nonce));
      expect(links.length, 'the widget fetches ahead').toBeGreaterThan(2);
      expect(new Set(links)).toEqual(new Set(['abc']));
      expect(await opened.cspViolations()).toEqual([]);
      expect(opened.problems()).toEqual([]);

      // Control: script without the nonce (an inline handler) is refused, and the recorder sees it.
      await opened.page.evaluate(() => {
        document.body.setAttribute('onclick', 'void 0');
        document.body.click();
      });
      await opened.page.waitForFunction(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.length > 0);
      expect((await opened.cspViolations()).join('\n')).toMatch(/script-src/);
    });
  }

  it("trusted-types: require-trusted-types-for 'script' and no policy allowed: zero violations", async () => {
    const opened = await open(page('trusted-types', 'docs.html'));
    await exerciseDocs(opened);
    expect(await opened.cspViolations()).toEqual([]);
    expect(opened.problems()).toEqual([]);
    // Control: a string into an HTML sink is refused here.
    const refused = await opened.page.evaluate(() => {
      try {
        document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
        return 'allowed';
      } catch (error) {
        return (error as Error).name;
      }
    });
    expect(refused).toBe('TypeError');
  });

  it("default-src 'self' alone: zero violations", async () => {
    const opened = await open(page('default-self', 'docs.html'));
    await exerciseDocs(opened);
    expect(await opened.cspViolations()).toEqual([]);
    expect(opened.problems()).toEqual([]);
    // Control: an inline style is refused here.
    await opened.page.evaluate(() => document.body.setAttribute('style', 'outline: 1px solid red'));
    await opened.page.waitForFunction(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.length > 0);
    expect((await opened.cspViolations()).join('\n')).toMatch(/style-src/);
  });
});
