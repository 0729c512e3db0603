// Values the build's tokens cannot take (quotes, backslashes, `$`): Shiki colours them in the
// page, and when it cannot, the reader still reads the code and the page hears why, once.
import { describe, expect, it } from 'vitest';
import { readSnippet, settle, usePages } from './helpers';

const open = usePages();

describe('run-time highlighting', () => {
  it('colours a value with quotes, a backslash and $ through Shiki', async () => {
    const opened = await open('/quoted.html');
    await settle(opened.page, '#quoted');
    const info = await readSnippet(opened.page, '#quoted');
    expect(info.code).toContain(String.raw`"Say \"hi\" to C:\\Users and $HOME"`);
    expect(info.colouredTokens).toBeGreaterThan(10);
    const fetched = await opened.page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
    expect(fetched.filter((path) => /\/chunks\/(create-shiki-tokenizer|python)-/.test(path))).toHaveLength(2);
    expect(opened.problems()).toEqual([]);
  });

  it('reports a grammar that cannot load as one highlight-failed error, and shows the code plain', async () => {
    const opened = await open('/quoted.html', {
      holdRoutes: ({ context }) => context.route(/\/chunks\/python-[\w-]+\.js/, (route) => route.fulfill({ status: 404, body: 'gone' })),
    });
    const { page } = opened;
    await page.waitForFunction(() => (window as unknown as { __errors: unknown[] }).__errors.length > 0);
    await settle(page, '#quoted');
    const info = await readSnippet(page, '#quoted');
    expect(info.code).toContain('Say \\"hi\\"');
    expect(info.colouredTokens).toBe(0);
    const viewer = await page.evaluate(() => document.querySelector('#quoted [data-snippet-root]')!.shadowRoot!.querySelector('.viewer')!.getAttribute('data-highlight'));
    expect(viewer).toBe('plain');
    await page.waitForTimeout(300);
    const errors = await page.evaluate(() => (window as unknown as { __errors: unknown[] }).__errors);
    expect(errors).toEqual([
      {
        type: 'error',
        name: 'open-ai.chat-completion',
        code: 'highlight-failed',
        message: expect.stringMatching(/^Could not load the python grammar; the code is shown without colours/),
      },
    ]);
    expect(opened.console.filter((line) => line.startsWith('error: [snippets]'))).toHaveLength(1);
  });
});
