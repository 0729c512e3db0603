// Issue 6, `<aiml-snippet data-name>`: the same viewer as `<snippet>`, with the custom-element
// lifecycle (connected → mounted, attributes → re-render, disconnected → unmounted).
import { describe, expect, it } from 'vitest';
import type { SnippetsApi } from '../../src/host/create-page-api.ts';
import { chooseTab, deepQueryCount, readSnippet, settle, usePages, waitForCode } from './helpers';

const open = usePages();

type ElementWindow = Window & {
  Snippets: SnippetsApi;
  __renders: { id: string; connected: boolean; model: string | undefined }[];
  __removed: HTMLElement;
};


describe('<aiml-snippet> custom element', () => {
  it('renders the viewer, follows data-* changes, unmounts on removal and mounts again when re-inserted', async () => {
    const opened = await open('/embedding-element.html');
    const { page } = opened;
    expect(await page.evaluate(() => typeof customElements.get('aiml-snippet'))).toBe('function');
    await settle(page, '#element');
    await settle(page, '#neighbour');

    const first = await readSnippet(page, '#element');
    expect(first.hasRoot).toBe(true);
    expect(first.shadowMode).toBe('open');
    expect(first.title).toBe('Create a chat completion');
    expect(first.tabs.map((tab) => tab.lang)).toEqual(['py', 'js', 'sh']);
    expect(first.code).toContain('model="element-model"');
    expect(first.colouredTokens).toBeGreaterThan(0);
    // The author's fallback content is hidden once the viewer is there.
    expect(await page.locator('#element > p').isVisible()).toBe(false);

    await page.evaluate(() => {
      const w = window as unknown as ElementWindow;
      w.__renders = [];
      w.Snippets.on('render', (_detail, element) =>
        w.__renders.push({ id: element.id, connected: element.isConnected, model: (element as HTMLElement).dataset.model }),
      );
    });

    // data-model changes re-render, in every tab.
    await page.locator('#element').evaluate((el) => el.setAttribute('data-model', 'changed-model'));
    await waitForCode(page, '#element', 'model="changed-model"');
    await chooseTab(page, '#element', 'sh');
    expect((await readSnippet(page, '#element')).code).toContain('"model": "changed-model"');
    await page.locator('#element').evaluate((el) => el.setAttribute('data-model', 'changed-again-model'));
    await waitForCode(page, '#element', '"model": "changed-again-model"');

    // data-name changes swap the template.
    await page.locator('#element').evaluate((el) => el.setAttribute('data-name', 'open-ai.embedding'));
    await page.waitForFunction(() => {
      const shadow = document.querySelector('#element [data-snippet-root]')?.shadowRoot;
      return shadow?.querySelector('.title')?.textContent === 'Create an embedding';
    });
    await settle(page, '#element');
    expect((await readSnippet(page, '#element')).code).toContain('changed-again-model');

    // Removal unmounts: no mount point, no state, no more renders for it.
    expect(await deepQueryCount(page, '[data-snippet-root]')).toBe(2);
    await page.evaluate(() => {
      const w = window as unknown as ElementWindow;
      w.__removed = document.getElementById('element')!;
      w.__removed.remove();
    });
    await page.waitForFunction(() => {
      const removed = (window as unknown as ElementWindow).__removed;
      return !removed.hasAttribute('data-state') && !removed.querySelector('[data-snippet-root]');
    });
    expect(await deepQueryCount(page, '[data-snippet-root]')).toBe(1);
    const rendersBefore = await page.evaluate(() => (window as unknown as ElementWindow).__renders.length);
    // A page-wide change re-renders the neighbour; the detached element must stay silent.
    await page.evaluate(() => {
      const w = window as unknown as ElementWindow;
      w.__removed.setAttribute('data-model', 'while-detached-model');
      w.Snippets.setPayload({ prompt: 'After the removal' });
    });
    await waitForCode(page, '#neighbour', 'After the removal');
    await page.waitForFunction(() => (window as unknown as ElementWindow).__renders.some((r) => r.id === 'neighbour'));
    const afterRemoval = await page.evaluate(() => (window as unknown as ElementWindow).__renders);
    expect(afterRemoval.slice(rendersBefore).filter((render) => render.id === 'element')).toEqual([]);

    // Re-inserted, it mounts again with its current attributes.
    await page.evaluate(() => document.getElementById('later')!.append((window as unknown as ElementWindow).__removed));
    await settle(page, '#element');
    const back = await readSnippet(page, '#element');
    expect(back.title).toBe('Create an embedding');
    expect(back.code).toContain('while-detached-model');
    expect(await deepQueryCount(page, '[data-snippet-root]')).toBe(2);

    // Created by script, and given its data-name only after it is connected.
    await page.evaluate(() => {
      const el = document.createElement('aiml-snippet');
      el.id = 'scripted';
      el.dataset.model = 'scripted-model';
      document.getElementById('later')!.prepend(el);
      el.dataset.name = 'open-ai.chat-completion';
    });
    await settle(page, '#scripted');
    expect((await readSnippet(page, '#scripted')).code).toContain('scripted-model');
    expect(opened.problems()).toEqual([]);
  });
});
