import { render } from '@testing-library/react';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createElement, type ComponentType, type ReactNode } from 'react';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Snippet, SnippetsProvider } from '../../src/react';
import { viteBuild } from '../build/vite-build';

const codeIn = (container: HTMLElement, index = 0) =>
  container.querySelectorAll('[data-snippet-root]')[index]?.shadowRoot?.querySelector('code')?.textContent ?? '';

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
    // The first render imports the snippet's chunk, which the build (here: Vite's test server)
    // makes on first use, highlighting its samples.
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
    await vi.waitFor(() =>
      expect(container.querySelector('[data-snippet-root]')!.shadowRoot!.querySelector('[role="alert"]')!.textContent).toContain(
        'No snippet is named "open-ai.nope"',
      ),
    );
  });
});

describe('the built component library', () => {
  // Inside the project: the test runner only loads modules from under its root.
  mkdirSync('test-artifacts', { recursive: true });
  const outDir = mkdtempSync(join('test-artifacts', 'lib-build-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('builds as an ES module that renders in a React app', async () => {
    viteBuild(outDir, 'vite.lib.config.ts');
    const lib = (await import(/* @vite-ignore */ resolve(outDir, 'index.js'))) as {
      Snippet: ComponentType<{ name: string; values?: Record<string, string> }>;
      SnippetsProvider: ComponentType<{ children: ReactNode }>;
    };
    const { container } = render(
      createElement(lib.SnippetsProvider, null, createElement(lib.Snippet, { name: 'voice.tts', values: { model: 'built-model' } })),
    );
    await vi.waitFor(() => expect(codeIn(container)).toContain('built-model'), { timeout: 10_000 });
  }, 60_000);
});
