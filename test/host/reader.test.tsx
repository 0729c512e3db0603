// @vitest-environment jsdom
import { within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COLLAPSED_LINES } from '../../src/core/count-lines.ts';
import { codeOf, destroyPages, settle, startPage, viewerOf } from '../support/page.ts';

beforeEach(() => localStorage.clear());
afterEach(() => {
  destroyPages();
  vi.unstubAllGlobals();
  history.replaceState(null, '', '/');
});

// After userEvent.setup(), which installs its own clipboard stub.
const setClipboard = (clipboard: unknown) => Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });

const view = (selector: string) => within(viewerOf(document.querySelector(selector)!) as unknown as HTMLElement);

describe('reader experience', () => {
  it('shows the remembered language in the first paint', async () => {
    localStorage.setItem('aiml-snippets.lang', 'sh');
    startPage(`<snippet id="a" data-name="open-ai.chat-completion"></snippet>`);
    await settle();
    expect(view('#a').getByRole('tab', { selected: true }).textContent).toBe('cURL');
  });

  it('honours ?lang= in the page URL', async () => {
    history.replaceState(null, '', '/?lang=javascript');
    startPage(`<snippet id="a" data-name="open-ai.chat-completion"></snippet>`);
    await settle();
    expect(view('#a').getByRole('tab', { selected: true }).textContent).toBe('JavaScript');
  });

  it('falls back to a selection copy without the Clipboard API', async () => {
    const user = userEvent.setup();
    setClipboard(undefined);
    const execCommand = vi.fn(() => true);
    document.execCommand = execCommand;
    startPage(`<snippet id="a" data-name="open-ai.chat-completion"></snippet>`);
    await settle();
    let copied = '';
    execCommand.mockImplementation(() => {
      // What the browser would copy: the selected text of the focused textarea.
      const area = viewerOf(document.querySelector('#a')!).querySelector('textarea')!;
      copied = area.value.slice(area.selectionStart, area.selectionEnd);
      return true;
    });
    await user.click(view('#a').getByRole('button', { name: 'Copy Python code' }));
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(copied).toBe(codeOf(document.querySelector('#a')!));
    expect(view('#a').getByRole('button', { name: 'Copied Python code' })).toBeTruthy();
  });

  it('selects the code and asks for Ctrl+C when no way of copying works', async () => {
    const user = userEvent.setup();
    setClipboard({ writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) });
    Object.defineProperty(navigator, 'platform', { value: 'Linux', configurable: true });
    document.execCommand = vi.fn(() => false);
    const selectAll = vi.spyOn(Selection.prototype, 'selectAllChildren');
    startPage(`<snippet id="a" data-name="open-ai.chat-completion"></snippet>`);
    await settle();
    const root = viewerOf(document.querySelector('#a')!);
    await user.click(view('#a').getByRole('button', { name: 'Copy Python code' }));
    expect(root.querySelector('[data-live]')!.textContent).toBe('The code is selected: press Ctrl+C to copy it');
    expect(view('#a').getByRole('button', { name: 'Copy Python code' }).textContent).toContain('Press Ctrl+C');
    expect(selectAll).toHaveBeenCalledWith(root.querySelector('code'));
  });

  it('wraps long lines on request, for every viewer, and remembers it', async () => {
    const user = userEvent.setup();
    startPage(`
      <snippet id="a" data-name="open-ai.chat-completion"></snippet>
      <snippet id="b" data-name="open-ai.chat-completion"></snippet>`);
    await settle();
    const wrap = view('#a').getByRole('button', { name: 'Wrap' });
    expect(wrap.getAttribute('aria-pressed')).toBe('false');
    await user.click(wrap);
    expect(wrap.getAttribute('aria-pressed')).toBe('true');
    expect(view('#b').getByRole('tabpanel').getAttribute('data-wrap')).toBe('true');
    expect(localStorage.getItem('aiml-snippets.wrap')).toBe('true');
  });

  it('bounds long code and expands it on request', async () => {
    const user = userEvent.setup();
    startPage(`<snippet id="a" data-name="open-ai.chat-completion"></snippet>`);
    await settle();
    const lines = codeOf(document.querySelector('#a')!).replace(/\n$/, '').split('\n').length;
    expect(lines).toBeGreaterThan(COLLAPSED_LINES);
    const panel = view('#a').getByRole('tabpanel');
    expect(panel.className).toContain('panel-collapsed');
    expect(panel.tabIndex).toBe(0);
    const expand = view('#a').getByRole('button', { name: `Show all ${lines} lines` });
    await user.click(expand);
    expect(panel.className).not.toContain('panel-collapsed');
    expect(expand.getAttribute('aria-expanded')).toBe('true');
  });

  it('follows the page theme switches without re-rendering the code', async () => {
    startPage(`
      <snippet id="a" data-name="open-ai.chat-completion"></snippet>
      <snippet id="b" data-name="open-ai.chat-completion" data-theme="dark"></snippet>`);
    await settle();
    const viewer = () => viewerOf(document.querySelector('#a')!).querySelector('.viewer')!;
    const code = viewerOf(document.querySelector('#a')!).querySelector('code')!;
    const firstSpan = code.querySelector('span');
    expect(viewer().getAttribute('data-theme')).toBe('auto');
    document.documentElement.classList.add('dark');
    await vi.waitFor(() => expect(viewer().getAttribute('data-theme')).toBe('dark'));
    document.documentElement.classList.remove('dark');
    document.documentElement.setAttribute('data-theme', 'light');
    await vi.waitFor(() => expect(viewer().getAttribute('data-theme')).toBe('light'));
    // The element's own data-theme wins over the page's.
    expect(viewerOf(document.querySelector('#b')!).querySelector('.viewer')!.getAttribute('data-theme')).toBe('dark');
    expect(code.querySelector('span')).toBe(firstSpan);
    document.documentElement.removeAttribute('data-theme');
  });
});
