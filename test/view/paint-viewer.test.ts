// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PreferenceStore, Preferences } from '../../src/core/services.ts';
import type { PreparedSnippet } from '../../src/core/types.ts';
import { createViewer, type Viewer } from '../../src/view/create-viewer.ts';
import { paintViewer } from '../../src/view/paint-viewer.ts';
import { patchDom, renderDom } from '../../src/view/render-dom.ts';
import { h } from '../../src/view/view-node.ts';
import { prepared } from '../support/prepared.ts';

let chat: PreparedSnippet;
beforeAll(async () => {
  chat = await prepared('open-ai.chat-completion');
});

function memoryPreferences(initial: Partial<Preferences> = {}): PreferenceStore {
  let state: Preferences = { lang: null, wrap: false, ...initial };
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(change) {
      state = { ...state, ...change };
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const stops: (() => void)[] = [];
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  document.body.innerHTML = '';
});

/** A viewer drawn by the first paint into a fresh shadow root. */
function paint(snippet = chat, preferences = memoryPreferences(), onCopy = vi.fn()) {
  const host = document.body.appendChild(document.createElement('div'));
  const root = host.attachShadow({ mode: 'open' });
  // When told, the page already shows the rendering.
  const onRendered = vi.fn((rendered: PreparedSnippet) => expect(rendered.files.map((file) => file.displayCode)).toContain(root.querySelector('code')!.textContent));
  const viewer: Viewer = createViewer({ snippet, theme: 'auto', showTokens: true, preferences, onCopy, onRendered });
  stops.push(paintViewer(root, viewer), () => viewer.destroy());
  const q = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  return { root, viewer, preferences, onCopy, onRendered, q };
}

const click = (element: Element) => element.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
const key = (element: Element, name: string) => element.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true }));

describe('the first paint, before React', () => {
  it('switches tabs on a click, page-wide, at once', () => {
    const { q, preferences } = paint();
    click(q('[role="tab"][data-lang="sh"]'));
    expect(q('.viewer').getAttribute('data-lang')).toBe('sh');
    expect(q('code').textContent).toContain('curl');
    expect(preferences.get().lang).toBe('sh');
  });

  it('moves along the tabs with the arrow keys, Home and End, and keeps focus on the selected tab', () => {
    const { root, q } = paint();
    const first = q('[role="tab"][data-lang="py"]');
    first.focus();
    key(first, 'ArrowRight');
    expect(q('.viewer').getAttribute('data-lang')).toBe('js');
    expect(root.activeElement?.getAttribute('data-lang')).toBe('js');
    key(root.activeElement!, 'End');
    expect(root.activeElement?.getAttribute('data-lang')).toBe('sh');
    key(root.activeElement!, 'ArrowRight');
    expect(root.activeElement?.getAttribute('data-lang')).toBe('py');
    key(root.activeElement!, 'ArrowLeft');
    expect(root.activeElement?.getAttribute('data-lang')).toBe('sh');
    key(root.activeElement!, 'Home');
    expect(q('.viewer').getAttribute('data-lang')).toBe('py');
  });

  it('keeps the elements a re-render leaves in place: the clicked button keeps focus', () => {
    const { root, q } = paint();
    const wrap = q('[data-action="wrap"]');
    wrap.focus();
    click(wrap);
    expect(q('[data-action="wrap"]')).toBe(wrap);
    expect(wrap.getAttribute('aria-pressed')).toBe('true');
    expect(root.activeElement).toBe(wrap);
    expect(q('[role="tabpanel"]').getAttribute('data-wrap')).toBe('true');
  });

  it('shows all lines and bounds them again', () => {
    const { q } = paint();
    click(q('[data-action="expand"]'));
    expect(q('[role="tabpanel"]').classList.contains('panel-collapsed')).toBe(false);
    expect(q('[data-action="expand"]').textContent).toBe('Collapse');
    click(q('[data-action="expand"]'));
    expect(q('[role="tabpanel"]').classList.contains('panel-collapsed')).toBe(true);
  });

  it('copies the active tab’s full code, says so, and says Copy again after a while', async () => {
    vi.useFakeTimers();
    try {
      const writeText = vi.fn(() => Promise.resolve());
      Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
      const { q, onCopy } = paint();
      click(q('[data-action="copy"]'));
      await vi.waitFor(() => expect(q('[data-action="copy"]').textContent).toBe('Copied'));
      expect(writeText).toHaveBeenCalledWith(chat.files[0]!.code);
      expect(q('[data-live]').textContent).toBe('Copied Python code to the clipboard');
      expect(onCopy).toHaveBeenCalledWith('py');
      vi.advanceTimersByTime(2000);
      expect(q('[data-action="copy"]').textContent).toBe('Copy');
      expect(q('[data-live]').textContent).toBe('');
    } finally {
      vi.useRealTimers();
    }
  });

  it('announces a rendering once it is on the page, and again only when its code changes', async () => {
    const { viewer, onRendered, q } = paint();
    expect(onRendered).toHaveBeenCalledTimes(1);
    click(q('[role="tab"][data-lang="js"]'));
    viewer.update({ theme: 'dark', showTokens: false });
    expect(onRendered).toHaveBeenCalledTimes(1);
    viewer.update({ snippet: await prepared('open-ai.chat-completion', { model: 'other-model' }) });
    expect(onRendered).toHaveBeenCalledTimes(2);
  });

  it('follows a language chosen elsewhere on the page, keeping its own when it lacks that one', () => {
    const preferences = memoryPreferences();
    const { q } = paint(chat, preferences);
    preferences.set({ lang: 'js' });
    expect(q('.viewer').getAttribute('data-lang')).toBe('js');
    preferences.set({ lang: 'go' });
    expect(q('.viewer').getAttribute('data-lang')).toBe('js');
  });
});

describe('patchDom', () => {
  it('updates attributes and text in place, replaces what changed tag, and drops what is gone', () => {
    const element = renderDom(document, h('div', { class: 'a', title: 't' }, h('span', {}, 'one'), 'text', h('b', {}, 'x')));
    const span = element.querySelector('span');
    const patched = patchDom(element, h('div', { class: 'b' }, h('span', { id: 's' }, 'two'), h('i', {}, 'y')));
    expect(patched).toBe(element);
    expect(element.outerHTML).toBe('<div class="b"><span id="s">two</span><i>y</i></div>');
    expect(element.querySelector('span')).toBe(span);
  });

  it('turns coloured tokens into one text and back, keeping the elements around them', () => {
    const tokens = h('pre', {}, h('code', {}, h('span', { class: 'c1' }, 'import'), ' os\n', h('span', { class: 'c2' }, 'print'), '(os)'));
    const plain = h('pre', {}, h('code', {}, 'import os\nprint(os)'));
    const element = renderDom(document, tokens);
    const code = element.firstElementChild;
    patchDom(element, plain);
    expect(element.outerHTML).toBe('<pre><code>import os\nprint(os)</code></pre>');
    expect(element.firstElementChild).toBe(code);
    expect(code!.childNodes).toHaveLength(1);
    patchDom(element, tokens);
    expect(element.outerHTML).toBe('<pre><code><span class="c1">import</span> os\n<span class="c2">print</span>(os)</code></pre>');
    expect(element.firstElementChild).toBe(code);
  });

  it('inserts before what it keeps, and removes every attribute no longer wanted', () => {
    const element = renderDom(document, h('div', { a: '1', b: '2', c: '3' }, h('b', {}, 'kept')));
    const kept = element.firstElementChild;
    patchDom(element, h('div', { b: '2' }, 'new ', h('i', {}, 'new'), h('b', {}, 'kept'), ' end'));
    expect(element.outerHTML).toBe('<div b="2">new <i>new</i><b>kept</b> end</div>');
    expect(element.querySelector('b')).toBe(kept);
  });
});
