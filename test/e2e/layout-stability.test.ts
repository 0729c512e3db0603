// "Readable at once, highlighted without the layout moving": the page does not shift while
// snippets load, turn into a plain preview, get highlighted and become the interactive viewer.
import { describe, expect, it } from 'vitest';
import { settle, usePages } from './helpers';

const open = usePages();

/** Records every layout shift from the first paint, and where the first snippet's code sits at each state. */
function recordShifts() {
  const w = window as unknown as { __shifts: { value: number; sources: string[] }[]; __codeBoxes: Record<string, string> };
  w.__shifts = [];
  w.__codeBoxes = {};
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources?: { node?: Node }[] })[]) {
      w.__shifts.push({ value: entry.value, sources: (entry.sources ?? []).map((source) => source.node?.nodeName ?? '?') });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new MutationObserver(() => {
    const first = document.querySelector('snippet');
    const state = first?.getAttribute('data-state');
    const box = first?.querySelector(':scope > [data-snippet-root]')?.shadowRoot?.querySelector('pre')?.getBoundingClientRect();
    if (state && box && !(state in w.__codeBoxes)) w.__codeBoxes[state] = [box.x, box.y, box.width, box.height].map(Math.round).join(',');
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
}

describe('layout stability', () => {
  it('nothing on the page moves while the snippets load, get highlighted and become interactive', async () => {
    const opened = await open('/docs.html', { initScript: recordShifts });
    const { page } = opened;
    await settle(page, '#default');
    await settle(page, '#custom');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const { shifts, boxes } = await page.evaluate(() => {
      const w = window as unknown as { __shifts: unknown; __codeBoxes: Record<string, string> };
      return { shifts: w.__shifts as { value: number; sources: string[] }[], boxes: w.__codeBoxes };
    });
    const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
    expect(total, `layout shifts: ${JSON.stringify(shifts)}`).toBeLessThan(0.01);
    // The plain code and the viewer's code occupy exactly the same box.
    expect(boxes.plain).toBeDefined();
    expect(boxes.ready).toBe(boxes.plain);
  });
});
