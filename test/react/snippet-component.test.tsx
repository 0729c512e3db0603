// @vitest-environment jsdom
import { act, render } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Snippet, SnippetsProvider } from '../../src/react/index.ts';
import { STORAGE_KEYS } from '../../src/host/create-preference-store.ts';

const rootOf = (container: HTMLElement, index = 0) => container.querySelectorAll('[data-snippet-root]')[index]?.shadowRoot ?? null;
const codeIn = (container: HTMLElement, index = 0) => rootOf(container, index)?.querySelector('code')?.textContent ?? '';
const langIn = (container: HTMLElement, index = 0) => rootOf(container, index)?.querySelector('.viewer')?.getAttribute('data-lang');

describe('the React component', () => {
  it('renders in a plain React app, with provider values below its own', async () => {
    const events = vi.fn();
    const { container } = render(
      <main>
        <h1>Docs page</h1>
        <SnippetsProvider values={{ model: 'page-model', baseUrl: 'https://page.example/v1' }} onEvent={events}>
          <Snippet name="open-ai.chat-completion" />
          <Snippet name="open-ai.chat-completion" values={{ model: 'gpt-4o-mini', maxTokens: 32 }} />
        </SnippetsProvider>
      </main>,
    );
    await vi.waitFor(() => expect(codeIn(container, 1)).toContain('model="gpt-4o-mini"'), { timeout: 10_000 });
    expect(codeIn(container, 0)).toContain('model="page-model"');
    expect(codeIn(container, 1)).toContain('base_url="https://page.example/v1"');
    expect(codeIn(container, 1)).toContain('max_tokens=32');
    await vi.waitFor(() =>
      expect(events).toHaveBeenCalledWith(expect.objectContaining({ type: 'render', name: 'open-ai.chat-completion' }), expect.anything()),
    );
  });

  it('works without a provider, and shows a notice for an unknown name', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { container } = render(<Snippet name="open-ai.nope" />);
    await vi.waitFor(() => expect(rootOf(container)!.querySelector('[role="alert"]')!.textContent).toContain('No snippet is named "open-ai.nope"'));
  });

  it('under StrictMode follows a language picked in another browser window, and reports each render once', async () => {
    localStorage.clear();
    const events = vi.fn();
    const strict = (children: ReactNode) => <StrictMode>{children}</StrictMode>;
    const { container } = render(
      strict(
        <SnippetsProvider onEvent={events}>
          <Snippet name="open-ai.chat-completion" />
        </SnippetsProvider>,
      ),
    );
    await vi.waitFor(() => expect(langIn(container)).toBe('py'), { timeout: 10_000 });
    // Another window of the site stores a choice; this one hears of it through a storage event.
    localStorage.setItem(STORAGE_KEYS.lang, 'sh');
    act(() => void window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEYS.lang, newValue: 'sh' })));
    await vi.waitFor(() => expect(langIn(container)).toBe('sh'));
    expect(codeIn(container)).toMatch(/^curl /);
    expect(events.mock.calls.filter(([detail]) => detail.type === 'render')).toHaveLength(1);
  });
});
