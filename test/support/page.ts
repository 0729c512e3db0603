import { vi } from 'vitest';
import { createSnippets, type SnippetsHandle, type SnippetsOptions } from '../../src/host/create-snippets.ts';

/** The shadow root of a snippet element's viewer. */
export function viewerOf(element: Element): ShadowRoot {
  const root = element.querySelector('[data-snippet-root]')?.shadowRoot;
  if (!root) throw new Error(`no viewer mounted in <${element.localName} data-name="${element.getAttribute('data-name')}">`);
  return root;
}

/** The code the reader sees in a snippet's active tab. */
export const codeOf = (element: Element): string => viewerOf(element).querySelector('code')?.textContent ?? '';

const handles: SnippetsHandle[] = [];

/** Writes `html` into the body and starts a widget on it; destroyed after each test. */
export function startPage(html: string, options: SnippetsOptions = {}): SnippetsHandle {
  document.body.innerHTML = html;
  const handle = createSnippets(options);
  handles.push(handle);
  return handle;
}

export function destroyPages(): void {
  handles.splice(0).forEach((handle) => handle.destroy());
}

/** Waits until every snippet element has left its loading states. */
export async function settle(selector = 'snippet'): Promise<void> {
  await vi.waitFor(
    () => {
      const pending = [...document.querySelectorAll(selector)].filter((el) =>
        ['idle', 'loading', 'plain', null].includes(el.getAttribute('data-state')),
      );
      if (pending.length) throw new Error(`still loading: ${pending.map((el) => el.getAttribute('data-name')).join(', ')}`);
    },
    { timeout: 5000 },
  );
}
