/** `copied`: the clipboard holds the text; `manual`: the code is selected and the reader must press Ctrl/⌘+C. */
export type CopyResult = 'copied' | 'manual';

/**
 * Copies text with the async Clipboard API, falling back to a selection and
 * `execCommand('copy')` where that API is missing or denied (plain-http pages, some
 * iframes). If both fail, the shown code is selected so the reader can copy it by hand.
 */
export async function copyText(text: string, options: { scratch: Node; select: Node | null }): Promise<CopyResult> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return 'copied';
    }
  } catch {
    // Denied or not focused: try the older way below.
  }
  if (copyWithSelection(text, options.scratch)) return 'copied';
  if (options.select) selectContents(options.select);
  return 'manual';
}

function copyWithSelection(text: string, scratch: Node): boolean {
  const doc = scratch.ownerDocument ?? document;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.tabIndex = -1;
  // Off-screen but selectable; inside the shadow root so the host page never sees it.
  area.style.position = 'fixed';
  area.style.insetInlineStart = '-9999px';
  area.style.opacity = '0';
  scratch.appendChild(area);
  try {
    area.select();
    return typeof doc.execCommand === 'function' && doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

function selectContents(node: Node): void {
  // selectAllChildren reaches into shadow trees in Chromium, where addRange() ignores them.
  (node.ownerDocument ?? document).getSelection()?.selectAllChildren(node);
}

/** "Ctrl" or "⌘", for the manual-copy hint. */
export function copyShortcut(): string {
  const platform = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ?? navigator.platform;
  return /mac|iphone|ipad/i.test(platform) ? '⌘+C' : 'Ctrl+C';
}
