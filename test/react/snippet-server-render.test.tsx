// @vitest-environment node
// Docusaurus and Next.js render pages on a server first, where there is no window: the
// component must render there, to the empty host its first browser render also draws.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Snippet, SnippetsProvider } from '../../src/react/index.ts';

describe('the React component on a server', () => {
  it('renders its host, with or without a provider, and touches no browser global', () => {
    expect(typeof window).toBe('undefined');
    expect(renderToString(<Snippet name="open-ai.chat-completion" className="wide" />)).toBe('<div class="wide" data-snippet-name="open-ai.chat-completion" data-state="loading"></div>');
    expect(
      renderToString(
        <SnippetsProvider values={{ model: 'gpt-4o' }} onEvent={() => undefined}>
          <Snippet name="image.flux" />
        </SnippetsProvider>,
      ),
    ).toBe('<div data-snippet-name="image.flux" data-state="loading"></div>');
  });
});
