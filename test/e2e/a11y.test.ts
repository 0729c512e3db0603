// axe-core scan of the snippet viewers (open shadow roots included), light and dark, every tab.
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { type OpenedPage, chooseTab, openPage, settle, useBrowser } from './helpers';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const browser = useBrowser();
let opened: OpenedPage | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

async function scan(opened: OpenedPage): Promise<Violation[]> {
  return opened.page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run({ include: [['snippet']] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

function describeViolations(violations: Violation[]): string {
  return violations
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`)
    .join('\n');
}

describe('accessibility (axe-core)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious or critical violations in the ${colorScheme} scheme, on every tab`, async () => {
      opened = await openPage(browser(), '/docs.html', { contextOptions: { colorScheme } });
      const { page } = opened;
      for (const id of ['#default', '#mini', '#custom']) await settle(page, id);
      await page.addScriptTag({ path: AXE_PATH });
      for (const lang of ['py', 'js', 'sh']) {
        await chooseTab(page, '#default', lang);
        for (const id of ['#mini', '#custom']) await settle(page, id);
        const serious = (await scan(opened)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(serious, `${colorScheme}/${lang}:\n${describeViolations(serious)}`).toEqual([]);
      }
    });
  }
});
