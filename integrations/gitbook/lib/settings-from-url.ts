import type { BlockSettings } from './block-settings.ts';

const RESERVED = new Set(['name', 'lang', 'theme', 'state']);
const camel = (kebab: string) => kebab.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * The settings a pasted snippet URL names, for GitBook's link unfurling: an embed URL
 * (`…/embed.html?name=open-ai.chat-completion&model=gpt-4o`, its query being the
 * `data-*` names) or a catalogue entry (`…/catalogue.html#open-ai.chat-completion`).
 * Null for any other URL, or one outside `base`.
 */
export function settingsFromUrl(url: string, base: string): BlockSettings | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!parsed.href.startsWith(base)) return null;
  const file = parsed.pathname.slice(parsed.pathname.lastIndexOf('/') + 1);
  if (file === 'catalogue.html') {
    const name = decodeURIComponent(parsed.hash.slice(1));
    return name ? { name, overrides: {} } : null;
  }
  if (file !== 'embed.html') return null;
  const name = parsed.searchParams.get('name');
  if (!name) return null;
  const overrides: Record<string, string> = {};
  for (const [key, value] of parsed.searchParams) {
    if (!RESERVED.has(key) && /^[a-z][a-z0-9-]*$/.test(key)) overrides[camel(key)] = value;
  }
  return { name, overrides };
}
