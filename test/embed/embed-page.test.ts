// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startEmbedPage } from '../../src/embed/embed-page';

afterEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', '/');
});

describe('startEmbedPage', () => {
  it('turns the query string into one snippet element, with the data-* names', () => {
    history.replaceState(null, '', '/embed.html?name=open-ai.chat-completion&model=gpt-4o-mini&base-url=https%3A%2F%2Fx.example&lang=js&bad%20key=1');
    vi.stubGlobal('ResizeObserver', class { observe() {} disconnect() {} });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const stop = startEmbedPage(window);
    const element = document.querySelector<HTMLElement>('snippet')!;
    expect(element.getAttribute('data-name')).toBe('open-ai.chat-completion');
    expect(element.dataset).toMatchObject({ model: 'gpt-4o-mini', baseUrl: 'https://x.example' });
    expect(element.hasAttribute('data-lang')).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"bad key" is not a variable name'));
    stop();
    vi.unstubAllGlobals();
  });
});

describe('an embed asked for its height', () => {
  it('tells its parent again, and only its parent', async () => {
    history.replaceState(null, '', '/embed.html?name=voice.tts');
    vi.stubGlobal('ResizeObserver', class { observe() {} disconnect() {} });
    // Pretend to be framed: a parent window that records what it is told.
    const told: unknown[] = [];
    const parent = { postMessage: (data: unknown) => told.push(data) } as unknown as Window;
    const frameWindow = Object.create(window, { parent: { value: parent } }) as Window;
    const stop = startEmbedPage(frameWindow);
    const first = told.length;
    window.dispatchEvent(new MessageEvent('message', { source: window, data: { type: 'aiml-snippets:measure' } }));
    expect(told.length).toBe(first);
    window.dispatchEvent(new MessageEvent('message', { source: parent as unknown as MessageEventSource, data: { type: 'aiml-snippets:measure' } }));
    expect(told.length).toBe(first + 1);
    expect(told.at(-1)).toMatchObject({ type: 'aiml-snippets:resize' });
    stop();
    vi.unstubAllGlobals();
  });
});

describe('the token its parent gave it', () => {
  it('is echoed in every height message, and a new one (a fragment change) is told at once', () => {
    history.replaceState(null, '', '/embed.html?name=voice.tts');
    vi.stubGlobal('ResizeObserver', class { observe() {} disconnect() {} });
    const told: { token?: string }[] = [];
    const parent = { postMessage: (data: { token?: string }) => told.push(data) } as unknown as Window;
    const frameWindow = Object.create(window, { parent: { value: parent } }) as Window;
    const stop = startEmbedPage(frameWindow);
    expect(told.at(-1)).toMatchObject({ type: 'aiml-snippets:resize', token: '' });
    history.replaceState(null, '', '/embed.html?name=voice.tts#embed-token=0123abcd');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(told.at(-1)).toMatchObject({ type: 'aiml-snippets:resize', token: '0123abcd' });
    stop();
    vi.unstubAllGlobals();
  });
});
