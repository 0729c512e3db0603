import type { SnippetsHandle } from './create-snippets.ts';

export const ELEMENT_NAME = 'aiml-snippet';

/**
 * Registers `<aiml-snippet data-name="…">`: the same viewer as `<snippet>`, with the
 * standard custom-element lifecycle for hosts and frameworks that prefer one.
 */
export function defineSnippetElement(registry: CustomElementRegistry, getHandle: () => SnippetsHandle): void {
  if (registry.get(ELEMENT_NAME)) return;
  registry.define(
    ELEMENT_NAME,
    class AimlSnippetElement extends HTMLElement {
      connectedCallback() {
        if (this.hasAttribute('data-name')) getHandle().track(this);
      }
      disconnectedCallback() {
        getHandle().untrack(this);
      }
      static get observedAttributes() {
        return ['data-name'];
      }
      attributeChangedCallback() {
        // Other data-* changes reach the viewer through the widget's attribute observer.
        if (this.isConnected && this.hasAttribute('data-name')) getHandle().track(this);
      }
    },
  );
}
