import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { SnippetRegistry } from '../dom/snippet-registry';
import type { WidgetServices } from '../state/widget-services';
import { App } from './App';
import { WidgetContext } from './widget-context';
import { LOG_PREFIX } from '../core/log-prefix';

/** Starts the widget's one React root, rendering a portal for every mounted snippet. */
export function renderApp(doc: Document, registry: SnippetRegistry, services: WidgetServices): Root {
  // A detached container: React attaches its listeners to each portal's shadow root instead.
  const root = createRoot(doc.createElement('div'), {
    onUncaughtError: (error) => console.error(`${LOG_PREFIX} unexpected error`, error),
  });
  root.render(createElement(WidgetContext.Provider, { value: services }, createElement(App, { registry })));
  return root;
}
