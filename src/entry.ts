// The bundle's entry and the one module with top-level effects: it starts the widget on the page.
import { version } from '../package.json';
import { createPageApi } from './api/page-api';
import { createSnippets, type SnippetsHandle } from './dom/create-snippets';
import { defineSnippetElement } from './dom/define-element';
import { resizeEmbeds } from './embed/resize-embeds';
import './host.css';
import { LOG_PREFIX } from './core/log-prefix';

declare global {
  interface Window {
    Snippets?: unknown;
  }
}

function boot(): void {
  // A second copy of the bundle on the same page must not mount every snippet twice.
  if ((window.Snippets as { version?: unknown } | undefined)?.version) return;
  try {
    const handle: SnippetsHandle = createSnippets();
    const queued = (window.Snippets as { q?: unknown } | undefined)?.q;
    window.Snippets = createPageApi(handle, version, queued);
    if (window.customElements) defineSnippetElement(window.customElements, () => handle);
    resizeEmbeds(window);
    if (document.documentElement.hasAttribute('data-snippet-embed-page')) {
      void import('./embed/embed-page').then(({ startEmbedPage }) => startEmbedPage(window));
    }
  } catch (error) {
    // Whatever happens, the host page keeps working.
    console.error(`${LOG_PREFIX} could not start`, error);
  }
}

boot();
