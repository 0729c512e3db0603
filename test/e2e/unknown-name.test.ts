// A typo in data-name shows a readable notice in place; the valid snippet next to it still works.
import { describe, expect, it } from 'vitest';
import { readSnippet, settle, usePages } from './helpers';

const open = usePages();

describe('unknown snippet name', () => {
  it('shows a visible alert naming the bad value and the closest name, and keeps the valid snippet working', async () => {
    const opened = await open('/unknown.html');
    const { page } = opened;
    await settle(page, '#typo', ['error']);
    const typo = await readSnippet(page, '#typo');
    expect(typo.notice, 'an error notice is rendered').not.toBeNull();
    expect(typo.notice?.role).toBe('alert');
    expect(typo.notice?.code).toBe('unknown-snippet');
    expect(typo.notice?.visible, 'the notice is visible, not a blank box').toBe(true);
    expect(typo.notice?.text).toContain('open-ai.chat-completon');
    expect(typo.notice?.text, 'suggests the closest known name').toContain('open-ai.chat-completion');
    // The notice is reachable as an alert by assistive technology (the accessibility tree pierces the shadow root).
    const alert = page.getByRole('alert');
    expect(await alert.count()).toBe(1);
    expect(await alert.innerText()).toContain('open-ai.chat-completon');

    await settle(page, '#valid');
    const valid = await readSnippet(page, '#valid');
    expect(valid.code).toContain('still-works-model');
    expect(valid.colouredTokens).toBeGreaterThan(0);
    await page.locator('#valid [role=tab][data-lang="js"]').click();
    await settle(page, '#valid');
    expect((await readSnippet(page, '#valid')).viewerLang).toBe('js');

    // No uncaught errors; whatever the widget logs about the typo carries its prefix.
    expect(opened.pageErrors).toEqual([]);
    expect(opened.problems({ allowSnippetErrors: true })).toEqual([]);
    const widgetLines = opened.console.filter((line) => line.includes('chat-completon'));
    expect(widgetLines.length, 'the typo is reported on the console').toBeGreaterThan(0);
    for (const line of widgetLines) expect(line).toMatch(/^\w+: \[snippets\]/);
  });
});
