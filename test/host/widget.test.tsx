// @vitest-environment jsdom
import { within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { codeOf, destroyPages, settle, startPage, viewerOf } from '../support/page.ts';

let errors: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  localStorage.clear();
  errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(destroyPages);

describe('the widget on a page', () => {
  it('renders every snippet, highlighted, with its data-* overrides', async () => {
    startPage(`
      <snippet id="a" data-name="open-ai.chat-completion"></snippet>
      <snippet id="b" data-name="open-ai.chat-completion" data-model="gpt-4o-mini" data-max-tokens="64"></snippet>`);
    await settle();
    const [a, b] = ['#a', '#b'].map((id) => document.querySelector(id)!);
    expect(a!.getAttribute('data-state')).toBe('ready');
    expect(codeOf(a!)).toContain('model="gpt-4o"');
    expect(codeOf(b!)).toContain('model="gpt-4o-mini"');
    expect(codeOf(b!)).toContain('max_tokens=64');
    // Highlighted: the code is made of coloured token spans, and its text is unchanged.
    const spans = viewerOf(a!).querySelectorAll('code span[class^="c"]');
    expect(spans.length).toBeGreaterThan(10);
    expect(viewerOf(a!).querySelector('.viewer')!.getAttribute('data-highlight')).toBe('highlighted');
    expect(errors).not.toHaveBeenCalled();
  });

  it('shows a notice naming an unknown snippet and its closest names, while the others render', async () => {
    startPage(`
      <snippet id="bad" data-name="open-ai.chat-completon"></snippet>
      <snippet id="good" data-name="open-ai.chat-completion"></snippet>`);
    await settle();
    const notice = within(viewerOf(document.querySelector('#bad')!) as unknown as HTMLElement).getByRole('alert');
    expect(notice.textContent).toContain('No snippet is named "open-ai.chat-completon". Did you mean "open-ai.chat-completion"');
    expect(document.querySelector('#bad')!.getAttribute('data-state')).toBe('error');
    expect(document.querySelector('#good')!.getAttribute('data-state')).toBe('ready');
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]![0])).toMatch(/^\[snippets\] unknown-snippet: No snippet is named/);
  });

  it('shows a notice for a value that cannot render, naming the value and the fix', async () => {
    startPage(`<snippet id="bad" data-name="open-ai.chat-completion" data-max-tokens="lots"></snippet>`);
    await settle();
    const notice = viewerOf(document.querySelector('#bad')!).querySelector('[role="alert"]')!;
    expect(notice.getAttribute('data-code')).toBe('bad-value');
    expect(notice.textContent).toContain('data-max-tokens="lots" is not a number');
  });

  it('warns once about an attribute that is no variable of the snippet, and still renders', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    startPage(`<snippet id="a" data-name="open-ai.chat-completion" data-modle="gpt-4o-mini"></snippet>`);
    await settle();
    expect(document.querySelector('#a')!.getAttribute('data-state')).toBe('ready');
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1));
    expect(String(warn.mock.calls[0]![0])).toMatch(/^\[snippets\] data-modle \(did you mean data-model\?\) is not a variable/);
  });

  it('mounts, re-renders and unmounts snippets as the page changes', async () => {
    startPage(`<div id="content"><snippet id="first" data-name="open-ai.chat-completion"></snippet></div>`);
    await settle();
    const first = document.querySelector('#first')!;

    first.setAttribute('data-model', 'claude-3-5-sonnet');
    await vi.waitFor(() => expect(codeOf(first)).toContain('model="claude-3-5-sonnet"'));

    const added = document.createElement('snippet');
    added.setAttribute('data-name', 'open-ai.chat-completion');
    added.setAttribute('data-prompt', 'Added later');
    document.querySelector('#content')!.append(added);
    await vi.waitFor(() => expect(codeOf(added)).toContain('Added later'));
    expect(added.querySelectorAll('[data-snippet-root]')).toHaveLength(1);

    first.remove();
    await vi.waitFor(() => expect(first.getAttribute('data-state')).toBeNull());
    expect(first.querySelector('[data-snippet-root]')).toBeNull();

    // Moving an element keeps one viewer in it, never two.
    document.body.append(added);
    await Promise.resolve();
    await vi.waitFor(() => expect(codeOf(added)).toContain('Added later'));
    expect(added.querySelectorAll('[data-snippet-root]')).toHaveLength(1);
    expect(errors).not.toHaveBeenCalled();
  });

  it('serves snippets added inside a page element that carries data-snippet-root, or carrying it themselves', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    startPage(`<div id="content"></div>`);
    // The attribute is the widget's mark on its own mount points; the page may use it too.
    const wrapper = document.createElement('div');
    wrapper.setAttribute('data-snippet-root', '');
    wrapper.innerHTML = `<snippet id="inside" data-name="open-ai.chat-completion" data-model="inside-model"></snippet>`;
    const marked = document.createElement('snippet');
    marked.setAttribute('data-name', 'open-ai.chat-completion');
    marked.setAttribute('data-snippet-root', 'page');
    marked.setAttribute('data-model', 'marked-model');
    document.querySelector('#content')!.append(wrapper, marked);
    await vi.waitFor(() => expect(codeOf(document.querySelector('#inside')!)).toContain('model="inside-model"'));
    await vi.waitFor(() => expect(codeOf(marked)).toContain('model="marked-model"'));
    expect(marked.querySelectorAll(':scope > [data-snippet-root]')).toHaveLength(1);
    expect(errors).not.toHaveBeenCalled();
  });

  it('switches tab by click and by keyboard, with roving focus, in every viewer that has the language', async () => {
    const user = userEvent.setup();
    startPage(`
      <snippet id="a" data-name="open-ai.chat-completion"></snippet>
      <snippet id="b" data-name="open-ai.chat-completion"></snippet>`);
    await settle();
    const a = within(viewerOf(document.querySelector('#a')!) as unknown as HTMLElement);
    const b = document.querySelector('#b')!;

    await user.click(a.getByRole('tab', { name: 'JavaScript' }));
    // Both viewers show the new tab, coloured and live, and say so.
    await vi.waitFor(() => expect([...document.querySelectorAll('snippet')].map((el) => el.getAttribute('data-state'))).toEqual(['ready', 'ready']));
    expect(codeOf(document.querySelector('#a')!)).toContain("const { OpenAI } = require('openai');");
    expect(codeOf(b)).toContain("const { OpenAI } = require('openai');");
    expect(localStorage.getItem('aiml-snippets.lang')).toBe('js');

    const js = a.getByRole('tab', { name: 'JavaScript' });
    expect(js.getAttribute('aria-selected')).toBe('true');
    expect(js.tabIndex).toBe(0);
    expect(a.getByRole('tab', { name: 'Python' }).tabIndex).toBe(-1);

    await user.keyboard('{ArrowRight}');
    const curl = a.getByRole('tab', { name: 'cURL' });
    expect(curl.getAttribute('aria-selected')).toBe('true');
    expect(viewerOf(document.querySelector('#a')!).activeElement).toBe(curl);
    expect(codeOf(b)).toMatch(/^curl /m);

    await user.keyboard('{Home}');
    expect(a.getByRole('tab', { name: 'Python' }).getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{End}');
    expect(curl.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowRight}');
    expect(a.getByRole('tab', { name: 'Python' }).getAttribute('aria-selected')).toBe('true');
  });

  it('copies exactly the active tab’s code and says so', async () => {
    const user = userEvent.setup();
    startPage(`<snippet id="a" data-name="open-ai.chat-completion"></snippet>`);
    await settle();
    const root = viewerOf(document.querySelector('#a')!);
    const view = within(root as unknown as HTMLElement);
    await user.click(view.getByRole('tab', { name: 'cURL' }));
    await user.click(view.getByRole('button', { name: 'Copy cURL code' }));
    expect(await navigator.clipboard.readText()).toBe(codeOf(document.querySelector('#a')!));
    expect(view.getByRole('button', { name: 'Copied cURL code' }).textContent).toContain('Copied');
    expect(root.querySelector('[data-live]')!.textContent).toBe('Copied cURL code to the clipboard');
  });
});
