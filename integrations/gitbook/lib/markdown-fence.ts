import type { BlockSettings } from './block-settings.ts';

/** The manifest's `markdown.codeblock`: the fence's language word. */
export const FENCE_WORD = 'aiml-snippet';

/**
 * The block as Git-synced Markdown: a fence whose info string carries the name and the
 * overrides as `key="value"` attributes (GitBook's mapping of a block's props), and whose
 * body is the plain fallback. The fence is longer than any run of backticks in the body.
 */
export function markdownFence(settings: BlockSettings, body: string): string {
  for (const [key, value] of [['name', settings.name], ...Object.entries(settings.overrides)] as const) {
    if (/["\r\n]/.test(value)) {
      throw new Error(`${key}=${JSON.stringify(value)} cannot be written in a fence: its attributes are one line, in double quotes. Set this value in the block's settings in the editor instead.`);
    }
  }
  const attributes = [['name', settings.name], ...Object.entries(settings.overrides)].map(([key, value]) => `${key}="${value}"`).join(' ');
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${FENCE_WORD} ${attributes}\n${body.replace(/\n?$/, '\n')}${fence}\n`;
}
