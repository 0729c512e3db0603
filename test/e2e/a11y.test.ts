// axe-core scan of the snippet viewers (open shadow roots included), light and dark, every tab.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { chooseTab, type OpenedPage, settle, usePages } from './helpers';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const open = usePages();

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string; text?: string }[];
}

async function scan(opened: OpenedPage): Promise<Violation[]> {
  return opened.page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run({ include: [['snippet']] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => {
        // The offending element's own text, found by walking the target path through shadow roots.
        let root: Document | ShadowRoot | null = document;
        let element: Element | null = null;
        for (const step of n.target as (string | string[])[]) {
          const path = Array.isArray(step) ? step : [step];
          for (const selector of path) {
            element = root?.querySelector(selector) ?? null;
            root = element?.shadowRoot ?? null;
          }
        }
        return { target: n.target, failureSummary: n.failureSummary, text: element?.textContent?.slice(0, 40) ?? '?' };
      }),
    }));
  });
}

/** One line per violation: rule, impact, node count, the first targets and the first reason. */
function describeViolations(violations: Violation[]): string[] {
  return violations.map((v) => {
    const targets = v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ');
    const reason = (v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').trim();
    return `${v.impact} ${v.id} on ${v.nodes.length} node(s) [${v.nodes.slice(0, 3).map((n) => n.text).join(' | ')}], e.g. ${targets} — ${reason}`;
  });
}

describe('accessibility (axe-core)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious or critical violations in the ${colorScheme} scheme, on every tab`, async () => {
      const opened = await open('/docs.html', { contextOptions: { colorScheme } });
      const { page } = opened;
      for (const id of ['#default', '#mini', '#custom']) await settle(page, id);
      await page.addScriptTag({ path: AXE_PATH });
      const found: string[] = [];
      for (const lang of ['py', 'js', 'sh']) {
        await chooseTab(page, '#default', lang);
        for (const id of ['#mini', '#custom']) await settle(page, id);
        const serious = (await scan(opened)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
        found.push(...describeViolations(serious).map((line) => `${lang} tab: ${line}`));
      }
      expect(found, `${colorScheme} scheme`).toEqual([]);
    });
  }
});
