import { describe, expect, it, vi } from 'vitest';
import { SnippetError } from '../../src/core/snippet-error.ts';
import type { TokenLines } from '../../src/core/types.ts';
import type { PageHighlighter } from '../../src/highlight/create-page-highlighter.ts';
import { createSnippetLibrary } from '../../src/pipeline/create-snippet-library.ts';
import { createSnippetSession, type SessionOptions } from '../../src/pipeline/create-snippet-session.ts';
import type { SnippetRequest } from '../../src/pipeline/prepare-snippet.ts';
import { index, loaders, renderer } from '../support/library.ts';

const request = (name: string, values: Record<string, string> = {}): SnippetRequest => ({ name, layers: [{ source: 'attribute', values }] });

/** A highlighter whose answers the test gives, one call at a time. */
function manualHighlighter() {
  const calls: { code: string; resolve(lines: TokenLines): void; reject(error: unknown): void }[] = [];
  const highlighter: PageHighlighter = {
    preload: () => undefined,
    highlight: (code) => new Promise((resolve, reject) => calls.push({ code, resolve, reject })),
  };
  return { highlighter, calls };
}

function session(overrides: Partial<SessionOptions> = {}) {
  const { highlighter, calls } = manualHighlighter();
  const onError = vi.fn();
  const onWarning = vi.fn();
  const created = createSnippetSession({
    library: createSnippetLibrary({ index, loaders }),
    renderer: async () => renderer,
    highlighter,
    onError,
    onWarning,
    ...overrides,
  });
  const settled = () => vi.waitFor(() => expect(created.getState().status).not.toBe('loading'));
  return { session: created, calls, onError, onWarning, settled };
}

describe('a snippet session', () => {
  it('prepares a snippet once per request, and colours a file on request with the build’s tokens, at once', async () => {
    const { session: s, calls, settled } = session();
    s.prepare(request('open-ai.chat-completion', { model: 'gpt-4o-mini' }));
    await settled();
    const { snippet } = s.getState();
    expect(snippet!.title).toBe('Create a chat completion');
    expect(snippet!.files[0]!.code).toContain('model="gpt-4o-mini"');
    // Colours only for what is asked: a snippet far off-screen never pays for them.
    expect(snippet!.files.map((file) => file.highlight)).toEqual(['pending', 'pending', 'pending']);
    s.highlight('js');
    expect(s.getState().snippet!.files.map((file) => file.highlight)).toEqual(['pending', 'highlighted', 'pending']);
    expect(calls).toHaveLength(0);
  });

  it('reports a bad value once, as a state and an error with the value and the fix', async () => {
    const { session: s, onError, settled } = session();
    s.prepare(request('open-ai.chat-completion', { maxTokens: 'lots' }));
    await settled();
    const { error } = s.getState();
    expect(error).toBeInstanceOf(SnippetError);
    expect(error!.code).toBe('bad-value');
    expect(error!.message).toContain('data-max-tokens="lots" is not a number');
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('warns about an attribute that is no variable of the snippet, and still prepares it', async () => {
    const { session: s, onWarning, settled } = session();
    s.prepare(request('open-ai.chat-completion', { modle: 'x' }));
    await settled();
    expect(s.getState().status).toBe('ready');
    expect(onWarning.mock.calls[0]![0]).toMatch(/^data-modle \(did you mean data-model\?\) is not a variable/);
  });

  it('colours a file Shiki must highlight when asked, once, and gives up on it with a highlight-failed error', async () => {
    const { session: s, calls, onError, settled } = session();
    s.prepare(request('open-ai.chat-completion', { prompt: 'Say "hi"' }));
    await settled();
    expect(s.getState().snippet!.files.map((file) => file.highlight)).toEqual(['pending', 'pending', 'pending']);
    s.highlight('py');
    s.highlight('py');
    s.highlight('js');
    expect(calls).toHaveLength(2);
    calls[0]!.resolve([[{ text: 'x', color: 1 }]]);
    await vi.waitFor(() => expect(s.getState().snippet!.files[0]!.highlight).toBe('highlighted'));
    calls[1]!.reject(new SnippetError('highlight-failed', 'open-ai.chat-completion', 'Could not load the javascript grammar'));
    await vi.waitFor(() => expect(s.getState().snippet!.files[1]!.highlight).toBe('plain'));
    // The first file kept its colours: each file's outcome is its own.
    expect(s.getState().snippet!.files[0]!.tokens).toEqual([[{ text: 'x', color: 1 }]]);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0].code).toBe('highlight-failed');

    // The network is back: the colours that failed are asked for again, and only those.
    s.retryColours();
    expect(s.getState().snippet!.files.map((file) => file.highlight)).toEqual(['highlighted', 'pending', 'pending']);
    s.highlight('js');
    expect(calls).toHaveLength(3);
    calls[2]!.resolve([[{ text: 'y', color: 2 }]]);
    await vi.waitFor(() => expect(s.getState().snippet!.files[1]!.highlight).toBe('highlighted'));
  });

  it('says when its parts are in, and gives up on a request whose parts never come', async () => {
    let arrive: (() => void) | undefined;
    const { session: s, onError } = session({ renderer: () => new Promise((resolve) => (arrive = () => resolve(renderer))) });
    const jobs: (() => void)[] = [];
    s.prepare(request('image.flux'));
    expect(s.getState()).toMatchObject({ status: 'loading', fetched: false });
    const timedOut = new SnippetError('load-failed', 'image.flux', 'did not arrive');
    s.expire(timedOut);
    expect(s.getState()).toMatchObject({ status: 'error', error: timedOut });
    expect(onError).toHaveBeenCalledWith(timedOut);
    // What arrives after is for a request given up on: it changes nothing.
    arrive!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(s.getState().status).toBe('error');

    // A new try: loading, then fetched while it waits for its turn, then ready.
    const scheduled = session({ schedule: (job) => jobs.push(job) }).session;
    scheduled.prepare(request('image.flux'));
    await vi.waitFor(() => expect(scheduled.getState()).toMatchObject({ status: 'loading', fetched: true }));
    scheduled.expire(timedOut);
    expect(scheduled.getState().status).toBe('loading');
    jobs[0]!();
    expect(scheduled.getState().status).toBe('ready');
  });

  it('shows code too long to colour in the page as it is, without asking Shiki', async () => {
    const { session: s, calls, onError, settled } = session();
    // Quotes: the build's tokens do not fit, so colours would be Shiki's.
    s.prepare(request('open-ai.chat-completion', { prompt: 'Say "hi". '.repeat(1500) }));
    await settled();
    s.highlight('py');
    expect(calls).toHaveLength(0);
    expect(s.getState().snippet!.files[0]).toMatchObject({ highlight: 'plain', tokens: null });
    expect(onError).not.toHaveBeenCalled();
  });

  it('drops colours and renderings made for values that have changed since', async () => {
    const { session: s, calls, onError, settled } = session();
    s.prepare(request('open-ai.chat-completion', { prompt: 'Say "hi"' }));
    await settled();
    s.highlight('py');
    s.prepare(request('open-ai.chat-completion', { prompt: 'Say "bye"' }));
    await vi.waitFor(() => expect(s.getState().snippet!.files[0]!.code).toContain('bye'));
    calls[0]!.reject(new Error('too late'));
    await Promise.resolve();
    expect(s.getState().snippet!.files[0]!.highlight).toBe('pending');
    expect(onError).not.toHaveBeenCalled();
  });

  it('runs the synchronous part through its scheduler', async () => {
    const jobs: (() => void)[] = [];
    const { session: s } = session({ schedule: (job) => jobs.push(job) });
    s.prepare(request('image.flux'));
    await vi.waitFor(() => expect(jobs).toHaveLength(1));
    expect(s.getState().status).toBe('loading');
    jobs[0]!();
    expect(s.getState().status).toBe('ready');
  });
});

describe('the snippet library', () => {
  it('loads a chunk once, and after a failure asks again under another URL', async () => {
    const importUrl = vi.fn(async () => loaders['image.flux']!());
    let failures = 1;
    const flux = vi.fn(async () => {
      if (failures-- > 0) throw new TypeError('Failed to fetch dynamically imported module');
      return loaders['image.flux']!();
    });
    const preload = vi.fn();
    const library = createSnippetLibrary({ index, loaders: { ...loaders, 'image.flux': flux }, urls: { 'image.flux': 'https://cdn.example/chunks/flux.js' }, preload, importUrl });
    const error = await library.load('image.flux').catch((caught: unknown) => caught);
    expect((error as SnippetError).code).toBe('load-failed');
    expect(preload).toHaveBeenCalledWith('https://cdn.example/chunks/flux.js');
    const chunk = await library.load('image.flux');
    expect(chunk.id).toBe('image.flux');
    expect(importUrl).toHaveBeenCalledWith('https://cdn.example/chunks/flux.js?retry=1');
    await library.load('image.flux');
    expect(importUrl).toHaveBeenCalledTimes(1);
  });

  it('gives up on a chunk that hangs: the next load asks under a fresh URL, and whichever arrives first is kept', async () => {
    let arriveLate: ((module: { default: unknown }) => void) | undefined;
    const hung = vi.fn(() => new Promise<never>((resolve) => (arriveLate = resolve as never)));
    let answer: ((module: Awaited<ReturnType<(typeof loaders)['image.flux']>>) => void) | undefined;
    const importUrl = vi.fn(() => new Promise<never>((resolve) => (answer = resolve as never)));
    const library = createSnippetLibrary({ index, loaders: { ...loaders, 'image.flux': hung }, urls: { 'image.flux': 'https://cdn.example/chunks/flux.js' }, importUrl });
    const first = library.load('image.flux');
    library.abandon('image.flux');
    const second = library.load('image.flux');
    expect(importUrl).toHaveBeenCalledWith('https://cdn.example/chunks/flux.js?retry=1');
    // The first request comes back after all: it is the chunk from then on.
    arriveLate!(await loaders['image.flux']!());
    expect((await first).id).toBe('image.flux');
    expect((await library.load('image.flux')).id).toBe('image.flux');
    answer!(await loaders['image.flux']!());
    expect((await second).id).toBe('image.flux');
    expect(hung).toHaveBeenCalledTimes(1);
    expect(importUrl).toHaveBeenCalledTimes(1);
    // Abandoning what has arrived does nothing.
    library.abandon('image.flux');
    await library.load('image.flux');
    expect(importUrl).toHaveBeenCalledTimes(1);
  });

  it('refuses unknown names, even those of what objects inherit', async () => {
    const library = createSnippetLibrary({ index, loaders });
    for (const name of ['constructor', 'toString', 'open-ai.nope']) {
      await expect(library.load(name), name).rejects.toBeInstanceOf(SnippetError);
      expect(library.entry(name)).toBeUndefined();
    }
  });
});
