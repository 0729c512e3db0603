// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SnippetsHandle } from '../../src/host/create-snippets.ts';
import { installPageApi, markRunning, runningVersion } from '../../src/host/install-page-api.ts';

afterEach(() => {
  delete (window as { Snippets?: unknown }).Snippets;
  delete (document as unknown as Record<symbol, unknown>)[Symbol.for('aiml-snippets.running')];
});

/** A widget handle that records what the page API asks of it. */
function recordingHandle(): SnippetsHandle & { payloads: unknown[] } {
  const payloads: unknown[] = [];
  return {
    payloads,
    refresh: () => undefined,
    setPayload: (values) => void payloads.push(values),
    on: () => () => undefined,
    track: () => undefined,
    untrack: () => undefined,
    destroy: () => undefined,
  };
}

const trap = () => {
  throw new Error('trap');
};

describe('installPageApi: what is on window.Snippets already', () => {
  it('nothing, or an empty object: the API goes there, silently', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const existing of [undefined, {}]) {
      const api = installPageApi(window, recordingHandle(), '1.2.3', existing);
      expect(window.Snippets).toBe(api);
      expect(api?.version).toBe('1.2.3');
    }
    expect(warn).not.toHaveBeenCalled();
  });

  it('the loader stub, with or without a version: its calls are replayed in order and the API takes its place', () => {
    const handle = recordingHandle();
    const stub = { version: 'stub', q: [['setPayload', { model: 'first' }], ['setPayload', { model: 'second' }]] };
    const api = installPageApi(window, handle, '1.2.3', stub);
    expect(window.Snippets).toBe(api);
    expect(handle.payloads).toEqual([{ model: 'first' }, { model: 'second' }]);
  });

  it('another script’s object: kept, and one line says so, with its version', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const theirs = { version: '2.0.0', render: () => 'theirs' };
    window.Snippets = theirs as never;
    expect(installPageApi(window, recordingHandle(), '1.2.3', theirs)).toBeNull();
    expect(window.Snippets).toBe(theirs);
    expect(warn.mock.calls).toEqual([
      [
        '[snippets] window.Snippets already belongs to another script (version "2.0.0"); it was left as it is, and the snippets run without the page API. Rename the other script\'s global to use Snippets.setPayload, refresh and on.',
      ],
    ]);
    installPageApi(window, recordingHandle(), '1.2.3', function Snippets() {});
    expect(warn.mock.calls[1]![0]).toContain('(a function)');
  });

  it('a Proxy that throws, as window.Snippets or as its queue: replaced, one line each, nothing thrown', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const hostile = new Proxy({}, { get: trap, getPrototypeOf: trap, ownKeys: trap });
    expect(installPageApi(window, recordingHandle(), '1.2.3', hostile)?.version).toBe('1.2.3');
    const handle = recordingHandle();
    const queue = new Proxy([['setPayload', { model: 'never' }]], { get: trap });
    expect(installPageApi(window, handle, '1.2.3', { q: queue })?.version).toBe('1.2.3');
    expect(handle.payloads).toEqual([]);
    expect(warn.mock.calls.map(([line]) => line)).toEqual([
      '[snippets] window.Snippets could not be read (a Proxy that throws?); the page API replaces it, and nothing it queued is replayed.',
      "[snippets] the calls queued in window.Snippets.q could not be read (a Proxy that throws?); none was replayed. Queue plain arrays such as ['setPayload', { apiKey }].",
    ]);
  });
});

describe('runningVersion: a copy of the widget already on the page', () => {
  it('is found by the document’s mark, or by the mark on its API (copies from before the document was marked)', () => {
    expect(runningVersion(document, undefined)).toBeNull();
    expect(runningVersion(document, { version: '1.0.0', setPayload() {} })).toBeNull();
    const api = installPageApi(window, recordingHandle(), '1.2.3', undefined);
    expect(runningVersion(document, api)).toBe('1.2.3');
    markRunning(document, '1.2.4');
    expect(runningVersion(document, undefined)).toBe('1.2.4');
    expect(runningVersion(document.implementation.createHTMLDocument(''), undefined)).toBeNull();
  });

  it('never throws on a Proxy', () => {
    expect(runningVersion(document, new Proxy({}, { get: trap }))).toBeNull();
  });
});
