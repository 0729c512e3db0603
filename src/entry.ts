// The bundle's entry and the one module with top-level effects: it starts the widget on the page.
import { version } from '../package.json';
import { LOG_PREFIX } from './core/log-prefix.ts';
import { runStep } from './core/run-step.ts';
import { resizeEmbeds } from './embed/resize-embeds.ts';
import { showEmbedFailure } from './embed/show-embed-failure.ts';
import type { SnippetsApi, SnippetsStub } from './host/create-page-api.ts';
import { createSnippets, type SnippetsHandle } from './host/create-snippets.ts';
import { defineSnippetElement } from './host/define-snippet-element.ts';
import { installPageApi, markRunning, runningVersion } from './host/install-page-api.ts';
import './host.css';

declare global {
  interface Window {
    /** The widget's page API once the bundle runs; before, the page's loader stub. */
    Snippets?: SnippetsApi | SnippetsStub;
  }
}

/** The nonce of the script tag that loaded this bundle (or, failing that, of any script of the page). */
function scriptNonce(doc: Document): string {
  const scripts = [...doc.querySelectorAll<HTMLScriptElement>('script[nonce], script[src]')];
  const own = scripts.find((script) => script.src === import.meta.url);
  return own?.nonce || scripts.find((script) => script.nonce)?.nonce || '';
}

/**
 * Each step fails alone, with one console line (`runStep`): a page whose custom element
 * registry, observers or `window.Snippets` misbehave keeps everything else.
 */
function boot(): void {
  const existing = runStep('read window.Snippets', () => window.Snippets);
  const running = runStep('look for another copy of the widget on the page', () => runningVersion(document, existing));
  if (running) {
    console.warn(`${LOG_PREFIX} the bundle is on this page twice: version ${running} is running, and this copy (${version}) stays idle.`);
    return;
  }
  const handle: SnippetsHandle | undefined = runStep('start', () => createSnippets({ nonce: scriptNonce(document) }));
  if (handle) {
    runStep('mark the page as served (a second copy of the bundle would serve it again)', () => markRunning(document, version));
    runStep('set up window.Snippets', () => installPageApi(window, handle, version, existing));
    runStep('define <aiml-snippet>', () => {
      if (window.customElements) defineSnippetElement(window.customElements, () => handle);
    });
  }
  runStep('size embeds', () => resizeEmbeds(window));
  if (document.documentElement.hasAttribute('data-snippet-embed-page')) {
    import('./embed/embed-page.ts').then(
      ({ startEmbedPage }) => runStep('start the embed page', () => startEmbedPage(window)),
      (error: unknown) => {
        console.error(`${LOG_PREFIX} could not load the embed page (check the network and the bundle's URL)`, error);
        runStep('show that the embed could not load', () => showEmbedFailure(window));
      },
    );
  }
}

boot();
