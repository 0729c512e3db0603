// @vitest-environment jsdom
// The frame page's script (frame/start-frame.ts) against a recorded parent: what it says,
// what it accepts, and how it turns GitBook's `{ state }` into the `<snippet>` element.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFrame } from '../../integrations/gitbook/frame/start-frame';

type Listener = (event: Pick<MessageEvent, 'source' | 'data'>) => void;

/** A frame window (jsdom's document) whose parent records what it is sent. */
function frameWindow() {
  const sent: { message: unknown; target: string }[] = [];
  const parent = { postMessage: (message: unknown, target: string) => sent.push({ message, target }) };
  const listeners = new Set<Listener>();
  const win = {
    document,
    parent,
    addEventListener: (type: string, listener: Listener) => type === 'message' && listeners.add(listener),
    removeEventListener: (type: string, listener: Listener) => listeners.delete(listener),
  };
  const post = (data: unknown, source: unknown = parent) => listeners.forEach((listener) => listener({ data, source: source as MessageEventSource }));
  return { win: win as unknown as Window, parent, sent, post, listeners };
}

let resize: (() => void) | undefined;
let observed: Element[] = [];
let size = { width: 800, height: 0 };

beforeEach(() => {
  observed = [];
  size = { width: 800, height: 0 };
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(callback: () => void) {
        resize = callback;
      }
      observe(element: Element) {
        observed.push(element);
      }
      disconnect() {
        resize = undefined;
      }
    },
  );
  vi.spyOn(document.documentElement, 'getBoundingClientRect').mockImplementation(() => ({ height: size.height }) as DOMRect);
  vi.spyOn(document.documentElement, 'clientWidth', 'get').mockImplementation(() => size.width);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const snippet = () => document.querySelector('snippet');
const attributes = () => Object.fromEntries([...(snippet()?.attributes ?? [])].map((a) => [a.name, a.value]));

describe('the frame script', () => {
  it('says @webframe.ready first, to its parent, before anything else', () => {
    const { win, sent } = frameWindow();
    startFrame(win);
    expect(sent).toEqual([{ message: { action: { action: '@webframe.ready' } }, target: '*' }]);
    expect(observed).toEqual([document.documentElement]);
  });

  it('shows the snippet GitBook’s state names, with the overrides as its data-* attributes', () => {
    const { win, post } = frameWindow();
    startFrame(win);
    expect(snippet()).toBeNull();
    post({ state: { name: 'open-ai.chat-completion', overrides: { model: 'gpt-4o', baseUrl: 'https://x.test/v1', maxTokens: 12 }, page: { id: 'p', path: 'a', title: 'A' } } });
    expect(attributes()).toEqual({ 'data-name': 'open-ai.chat-completion', 'data-model': 'gpt-4o', 'data-base-url': 'https://x.test/v1', 'data-max-tokens': '12' });
    expect(snippet()!.parentElement).toBe(document.body);
  });

  it('applies later states to the same element, touching only what changed', () => {
    const { win, post } = frameWindow();
    startFrame(win);
    post({ state: { name: 'open-ai.chat-completion', overrides: { model: 'a', prompt: 'p' } } });
    const element = snippet();
    const changes: (string | null)[] = [];
    new MutationObserver((records) => records.forEach((r) => changes.push(r.attributeName))).observe(element!, { attributes: true });
    post({ state: { name: 'open-ai.chat-completion', overrides: { model: 'b', prompt: 'p' } } });
    post({ state: { name: 'open-ai.embedding', overrides: { model: 'b' } } });
    post({ state: { name: 'open-ai.embedding', overrides: { model: 'b' } } });
    return Promise.resolve().then(() => {
      expect(snippet()).toBe(element);
      expect(document.querySelectorAll('snippet')).toHaveLength(1);
      expect(attributes()).toEqual({ 'data-name': 'open-ai.embedding', 'data-model': 'b' });
      expect(changes).toEqual(['data-model', 'data-prompt', 'data-name']);
    });
  });

  it('ignores messages from any window but its parent, and messages that are not a state', () => {
    const { win, post } = frameWindow();
    startFrame(win);
    const sibling = { postMessage() {} };
    post({ state: { name: 'open-ai.chat-completion', overrides: {} } }, sibling);
    post({ state: { name: 'open-ai.chat-completion', overrides: {} } }, null);
    post({ state: { name: 'open-ai.chat-completion', overrides: {} } }, win);
    expect(snippet()).toBeNull();
    for (const data of [null, 'state', { state: null }, { state: { overrides: {} } }, { state: { name: 42 } }, { action: { action: '@webframe.ready' } }]) post(data);
    expect(snippet()).toBeNull();
  });

  it('drops override keys that cannot be variables, and says so', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { win, post } = frameWindow();
    startFrame(win);
    post({ state: { name: 'open-ai.chat-completion', overrides: { model: 'ok', 'data-x': 'a', theme: 'dark', Name: 'b', onclick: { no: 1 } } } });
    expect(attributes()).toEqual({ 'data-name': 'open-ai.chat-completion', 'data-model': 'ok' });
    expect(warn.mock.calls.map((call) => call[0])).toEqual([
      '[snippets] GitBook block: ignored the override "data-x": not a variable name (camelCase, e.g. baseUrl).',
      '[snippets] GitBook block: ignored the override "theme": not a variable name (camelCase, e.g. baseUrl).',
      '[snippets] GitBook block: ignored the override "Name": not a variable name (camelCase, e.g. baseUrl).',
    ]);
  });

  it('reports the height and the aspect ratio on every size change, and only on changes', () => {
    const { win, sent } = frameWindow();
    startFrame(win);
    resize!();
    expect(sent).toHaveLength(1); // nothing shown yet: no size to report
    size = { width: 800, height: 470.2 };
    resize!();
    resize!();
    size = { width: 400, height: 612 };
    resize!();
    expect(sent.slice(1)).toEqual([
      { message: { action: { action: '@webframe.resize', size: { height: 471, aspectRatio: 800 / 471 } } }, target: '*' },
      { message: { action: { action: '@webframe.resize', size: { height: 612, aspectRatio: 400 / 612 } } }, target: '*' },
    ]);
  });

  it('stops listening and observing when stopped', () => {
    const { win, post, listeners } = frameWindow();
    const stop = startFrame(win);
    stop();
    expect(listeners.size).toBe(0);
    expect(resize).toBeUndefined();
    post({ state: { name: 'open-ai.chat-completion', overrides: {} } });
    expect(snippet()).toBeNull();
  });

  it('says nothing when it is not in a frame', () => {
    const { win, sent } = frameWindow();
    (win as unknown as { parent: unknown }).parent = win;
    startFrame(win);
    expect(sent).toEqual([]);
  });
});
