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
