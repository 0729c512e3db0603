import { renderSamples } from '../../../tools/snippet-library/library-renderer.ts';
import { usableOverrides, type BlockSettings } from './block-settings.ts';
import type { IntegrationData } from './integration-data.ts';

/**
 * The block's Markdown fallback: its sample as plain text (cURL where the snippet has it),
 * rendered with the block's values. An empty text and the problem, in words, when the
 * values do not render (e.g. a number variable set to "lots").
 */
export function renderFallback(data: IntegrationData, settings: BlockSettings): { text: string; problem: string | null } {
  const compiled = data.fallbacks[settings.name];
  const snippet = data.snippets.find((s) => s.id === settings.name);
  if (!compiled || !snippet) return { text: '', problem: null };
  try {
    return { text: renderSamples(compiled, usableOverrides(snippet, settings.overrides))[0]?.code ?? '', problem: null };
  } catch (error) {
    return { text: '', problem: (error as Error).message };
  }
}
