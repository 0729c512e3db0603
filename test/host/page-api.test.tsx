// @vitest-environment jsdom
import { within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPageApi, sanitizeValues } from '../../src/host/create-page-api.ts';
import { defineSnippetElement } from '../../src/host/define-snippet-element.ts';
import { codeOf, destroyPages, settle, startPage, viewerOf } from '../support/page.ts';

beforeEach(() => localStorage.clear());
afterEach(destroyPages);

const SECRET = 'sk-live-0123456789abcdef';

describe('window.Snippets', () => {
  it('replays calls queued before the bundle loaded, in order', async () => {
    const rendered: string[] = [];
    const queue = [
      ['on', 'render', (detail: { name: string }) => rendered.push(detail.name)],
      ['setPayload', { model: 'first' }],
      ['setPayload', { model: 'queued-model' }],
    ];
    const handle = startPage(`<snippet id="a" data-name="open-ai.chat-completion"></snippet>`);
    const api = createPageApi(handle, '1.2.3', queue);
    await settle();
    expect(api.version).toBe('1.2.3');
    await vi.waitFor(() => expect(codeOf(document.querySelector('#a')!)).toContain('model="queued-model"'));
    await vi.waitFor(() => expect(rendered).toContain('open-ai.chat-completion'));
    // A stub that pushes after load still works.
    api.q.push(['setPayload', { model: 'pushed-late' }]);
    await vi.waitFor(() => expect(codeOf(document.querySelector('#a')!)).toContain('model="pushed-late"'));
  });

  it('setPayload re-renders mounted viewers, below each element’s own data-*', async () => {
    const handle = startPage(`
      <snippet id="plain" data-name="open-ai.chat-completion"></snippet>
      <snippet id="own" data-name="open-ai.chat-completion" data-model="element-model"></snippet>`);
    const api = createPageApi(handle, '1.0.0', undefined);
    await settle();
    api.setPayload({ model: 'page-model', baseUrl: 'https://page.example/v1', ignored: { nested: true } as never });
    await vi.waitFor(() => expect(codeOf(document.querySelector('#plain')!)).toContain('model="page-model"'));
    expect(codeOf(document.querySelector('#own')!)).toContain('model="element-model"');
    expect(codeOf(document.querySelector('#own')!)).toContain('base_url="https://page.example/v1"');
  });

  it('keeps only plain values from page scripts, and says what it left out', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(sanitizeValues({ a: 'x', b: 2, c: true, d: { e: 1 }, f: NaN, g: null })).toEqual({ a: 'x', b: 2, c: true });
    expect(warn).toHaveBeenCalledWith('[snippets] setPayload takes strings, numbers and booleans; "d", "f", "g" were ignored.');
    expect(sanitizeValues('nope')).toEqual({});
  });

  it('never runs a getter or lets a throwing Proxy into the page', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const getter = vi.fn(() => 'secret');
    expect(sanitizeValues(Object.defineProperty({ model: 'm' }, 'apiKey', { get: getter, enumerable: true }))).toEqual({ model: 'm' });
    expect(getter).not.toHaveBeenCalled();
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('trap'); } });
    expect(sanitizeValues(hostile)).toEqual({});
  });

  it('refuses a handler that is not a function, and queued calls to anything but its own methods', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const handle = startPage('');
    const api = createPageApi(handle, '1.0.0', [['toString'], ['constructor'], ['q'], 'not a call']);
    expect(warn.mock.calls.map(([line]) => line)).toEqual([
      '[snippets] queued call "toString" is not a Snippets method; use setPayload, refresh, on, destroy.',
      '[snippets] queued call "constructor" is not a Snippets method; use setPayload, refresh, on, destroy.',
      '[snippets] queued call "q" is not a Snippets method; use setPayload, refresh, on, destroy.',
      "[snippets] a queued call must be an array such as ['setPayload', { apiKey }]; it was ignored.",
    ]);
    const stop = api.on('render', 'oops' as never);
    expect(typeof stop).toBe('function');
    expect(error).toHaveBeenCalledWith('[snippets] Snippets.on("render", …) needs a function as its handler; it got "oops", and nothing was subscribed.');
    api.on('rendered' as never, () => undefined);
    expect(error).toHaveBeenLastCalledWith('[snippets] Snippets.on("rendered", …): there is no such event; use "render", "copy", "error".');
  });

  it('lets nothing a page passes throw into it: values whose toString throws, non-nodes to refresh, revoked Proxies', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const handle = startPage('');
    const refresh = vi.spyOn(handle, 'refresh');
    const api = createPageApi(handle, '1.0.0');
    const hostile = { toString: () => { throw new Error('toString'); } };
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(() => {
      api.q.push([hostile as never]);
      api.q.push(['on', hostile, () => undefined]);
      api.on(hostile as never, () => undefined);
      api.refresh('main' as never);
      api.refresh({ querySelectorAll: () => [] } as never);
      api.setPayload(revoked.proxy as never);
      api.q.push(['refresh', 42]);
    }).not.toThrow();
    expect(refresh).not.toHaveBeenCalled();
    expect([...warn.mock.calls, ...error.mock.calls].map(([line]) => line)).toEqual([
      '[snippets] queued call an object is not a Snippets method; use setPayload, refresh, on, destroy.',
      '[snippets] setPayload could not read the object it was given (a Proxy that throws?); pass a plain object.',
      '[snippets] Snippets.on(an object, …): there is no such event; use "render", "copy", "error".',
      '[snippets] Snippets.on(an object, …): there is no such event; use "render", "copy", "error".',
      '[snippets] Snippets.refresh() scans a document or an element; it got "main". Call it with no argument to scan the whole page.',
      '[snippets] Snippets.refresh() scans a document or an element; it got an object. Call it with no argument to scan the whole page.',
      '[snippets] Snippets.refresh() scans a document or an element; it got a number. Call it with no argument to scan the whole page.',
    ]);
    // A document, an element, no argument: scanned.
    api.refresh();
    api.refresh(document);
    api.refresh(document.body);
    expect(refresh).toHaveBeenCalledTimes(3);
  });

  it('destroy() takes every viewer out and stops following the page', async () => {
    const handle = startPage(`<snippet id="a" data-name="open-ai.chat-completion"></snippet>`);
    const api = createPageApi(handle, '1.0.0', undefined);
    await settle();
    const element = document.querySelector('#a')!;
    api.destroy();
    expect(element.querySelector('[data-snippet-root]')).toBeNull();
    expect(element.hasAttribute('data-state')).toBe(false);
    const later = document.body.appendChild(document.createElement('snippet'));
    later.setAttribute('data-name', 'image.flux');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(later.hasAttribute('data-state')).toBe(false);
  });

  it('dispatches render, copy and error events to on() and as bubbling DOM events', async () => {
    const user = userEvent.setup();
    const dom: { type: string; detail: unknown }[] = [];
    for (const type of ['snippet:render', 'snippet:copy', 'snippet:error']) {
      document.addEventListener(type, (event) => dom.push({ type, detail: (event as CustomEvent).detail }));
    }
    const handle = startPage(`
      <snippet id="a" data-name="open-ai.chat-completion"></snippet>
      <snippet id="b" data-name="nope.nothing"></snippet>`);
    const api = createPageApi(handle, '1.0.0', undefined);
    const copies = vi.fn();
    const errors = vi.fn();
    api.on('copy', copies);
    const stop = api.on('error', errors);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await settle();
    await user.click(within(viewerOf(document.querySelector('#a')!) as unknown as HTMLElement).getByRole('button', { name: /^Copy/ }));

    expect(copies).toHaveBeenCalledWith({ type: 'copy', name: 'open-ai.chat-completion', language: 'py' }, document.querySelector('#a'));
    expect(errors.mock.calls[0]![0]).toMatchObject({ type: 'error', name: 'nope.nothing', code: 'unknown-snippet' });
    expect(dom.map((event) => event.type).sort()).toEqual(['snippet:copy', 'snippet:error', 'snippet:render']);
    expect(dom.find((event) => event.type === 'snippet:render')!.detail).toEqual({
      type: 'render',
      name: 'open-ai.chat-completion',
      languages: ['py', 'js', 'sh'],
    });
    stop();
  });
});

describe('secrets', () => {
  it('are masked on screen, copied in full, and kept out of storage, the URL, events and the console', async () => {
    const user = userEvent.setup();
    const logged: unknown[] = [];
    for (const level of ['log', 'info', 'warn', 'error'] as const) {
      vi.spyOn(console, level).mockImplementation((...args) => void logged.push(...args));
    }
    const events: unknown[] = [];
    const handle = startPage(`
      <snippet id="a" data-name="open-ai.chat-completion"></snippet>
      <snippet id="b" data-name="open-ai.chat-completion" data-max-tokens="oops"></snippet>`);
    const api = createPageApi(handle, '1.0.0', [['setPayload', { apiKey: SECRET }]]);
    for (const type of ['render', 'copy', 'error'] as const) api.on(type, (detail) => events.push(detail));
    await settle();
    const a = document.querySelector('#a')!;
    const view = within(viewerOf(a) as unknown as HTMLElement);

    expect(codeOf(a)).not.toContain(SECRET);
    expect(codeOf(a)).toContain('••••••••cdef');
    await user.click(view.getByRole('tab', { name: 'cURL' }));
    await user.click(view.getByRole('button', { name: /^Copy/ }));
    expect(await navigator.clipboard.readText()).toContain(`Authorization: Bearer ${SECRET}`);

    const everywhere = JSON.stringify([events, logged.map(String), { ...localStorage }, location.href, document.body.innerHTML]);
    expect(everywhere).not.toContain(SECRET);
    expect(everywhere).not.toContain('0123456789ab');
    for (const element of document.querySelectorAll('snippet')) expect(viewerOf(element).innerHTML).not.toContain(SECRET);
  });
});

describe('<aiml-snippet>', () => {
  it('renders, follows its attributes and unmounts through its own lifecycle', async () => {
    const handle = startPage('<div id="host"></div>', { observe: false });
    defineSnippetElement(customElements, () => handle);
    const element = document.createElement('aiml-snippet');
    element.setAttribute('data-name', 'open-ai.chat-completion');
    document.querySelector('#host')!.append(element);
    await settle('aiml-snippet');
    expect(codeOf(element)).toContain('model="gpt-4o"');

    element.setAttribute('data-model', 'o1-mini');
    await vi.waitFor(() => expect(codeOf(element)).toContain('model="o1-mini"'));

    element.remove();
    expect(element.getAttribute('data-state')).toBeNull();
    expect(element.querySelector('[data-snippet-root]')).toBeNull();
  });
});
