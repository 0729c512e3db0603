// The bundle's entry and the one module with top-level effects: it starts the widget on the page.
import { version } from '../package.json';
import { LOG_PREFIX } from './core/log-prefix.ts';
import { resizeEmbeds } from './embed/resize-embeds.ts';
import { createPageApi, type SnippetsApi, type SnippetsStub } from './host/create-page-api.ts';
import { createSnippets, type SnippetsHandle } from './host/create-snippets.ts';
import { defineSnippetElement } from './host/define-snippet-element.ts';
import './host.css';

declare global {
  interface Window {
    /** The widget's page API once the bundle runs; before, the page's loader stub. */
    Snippets?: SnippetsApi | SnippetsStub;
  }
}

/** Marks the real API, so a second copy of the bundle can tell it from a page's stub. */
const RUNNING = Symbol.for('aiml-snippets.api');

/** Runs one step of the start-up; a step that fails costs only itself, with one console line. */
function step<T>(name: string, run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    console.error(`${LOG_PREFIX} could not ${name}`, error);
    return undefined;
  }
}

/** The nonce of the script tag that loaded this bundle (or, failing that, of any script of the page). */
function scriptNonce(doc: Document): string {
  const scripts = [...doc.querySelectorAll<HTMLScriptElement>('script[nonce], script[src]')];
  const own = scripts.find((script) => script.src === import.meta.url);
  return own?.nonce || scripts.find((script) => script.nonce)?.nonce || '';
}

function boot(): void {
  const existing = step('read window.Snippets', () => window.Snippets);
  const running = step('read window.Snippets', () => (existing as Partial<Record<typeof RUNNING, string>> | undefined)?.[RUNNING]);
  if (running) {
    console.warn(`${LOG_PREFIX} the bundle was loaded twice: version ${running} is running, this copy (${version}) stays idle.`);
    return;
  }
  const handle: SnippetsHandle | undefined = step('start', () => createSnippets({ nonce: scriptNonce(document) }));
  if (handle) {
    step('set up window.Snippets', () => {
      const queued = (existing as Partial<SnippetsStub> | undefined)?.q;
      const api = createPageApi(handle, version, queued);
      Object.defineProperty(api, RUNNING, { value: version });
      window.Snippets = api;
    });
    step('define <aiml-snippet>', () => {
      if (window.customElements) defineSnippetElement(window.customElements, () => handle);
    });
  }
  step('size embeds', () => resizeEmbeds(window));
  if (document.documentElement.hasAttribute('data-snippet-embed-page')) {
    import('./embed/embed-page.ts').then(
      ({ startEmbedPage }) => step('start the embed page', () => startEmbedPage(window)),
      (error: unknown) => console.error(`${LOG_PREFIX} could not load the embed page (check the network and the bundle's URL)`, error),
    );
  }
}

boot();
