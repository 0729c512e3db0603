// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMBED_RESIZE, readEmbedToken } from '../../src/embed/embed-protocol';
import { resizeEmbeds } from '../../src/embed/resize-embeds';

let stop: () => void = () => undefined;
afterEach(() => {
  stop();
  document.body.innerHTML = '';
});

function frame(attributes: Record<string, string>): HTMLIFrameElement {
  const iframe = document.createElement('iframe');
  iframe.setAttribute('data-snippet-embed', '');
  for (const [name, value] of Object.entries(attributes)) iframe.setAttribute(name, value);
  document.body.append(iframe);
  return iframe;
}

const send = (source: Window | null, origin: string, data: unknown) =>
  window.dispatchEvent(new MessageEvent('message', { source, origin, data }));

/** Starts resizeEmbeds, recording where it navigates frames to give them their tokens. */
function start(): { navigations: { frame: HTMLIFrameElement; url: string }[]; tokenOf(frame: HTMLIFrameElement): string } {
  const navigations: { frame: HTMLIFrameElement; url: string }[] = [];
  stop = resizeEmbeds(window, { navigate: (frame, url) => navigations.push({ frame, url }) });
  return {
    navigations,
    tokenOf: (frame) => readEmbedToken(new URL(navigations.findLast((entry) => entry.frame === frame)!.url).hash),
  };
}

/** The frame's first message, which earns it its token, then a message with that token. */
function hello(iframe: HTMLIFrameElement, origin: string, tokenOf: (frame: HTMLIFrameElement) => string, height: number) {
  send(iframe.contentWindow, origin, { type: EMBED_RESIZE, height: 1, token: '' });
  send(iframe.contentWindow, origin, { type: EMBED_RESIZE, height, token: tokenOf(iframe) });
}

describe('resizeEmbeds', () => {
  it('gives a frame a token in its URL fragment on its first message, then sizes it from messages that carry it', () => {
    const { navigations, tokenOf } = start();
    const iframe = frame({ src: 'https://cdn.example/snippets/v1/embed.html?name=voice.tts' });
    send(iframe.contentWindow, 'https://cdn.example', { type: EMBED_RESIZE, height: 500, token: '' });
    expect(iframe.style.height, 'no token yet: not sized').toBe('');
    expect(navigations).toHaveLength(1);
    expect(navigations[0]!.url).toMatch(/^https:\/\/cdn\.example\/snippets\/v1\/embed\.html\?name=voice\.tts#embed-token=[0-9a-f]{32}$/);
    send(iframe.contentWindow, 'https://cdn.example', { type: EMBED_RESIZE, height: 321.4, token: tokenOf(iframe) });
    expect(iframe.style.height).toBe('322px');
    // Each frame its own token.
    const second = frame({ src: 'https://cdn.example/snippets/v1/embed.html?name=image.flux' });
    hello(second, 'https://cdn.example', tokenOf, 200);
    expect(tokenOf(second)).not.toBe(tokenOf(iframe));
    expect(second.style.height).toBe('200px');
  });

  it('ignores, once the frame has its token, messages without it or with another: a document navigated into the frame later', () => {
    const { navigations, tokenOf } = start();
    const iframe = frame({ src: 'https://cdn.example/embed.html', sandbox: 'allow-scripts' });
    hello(iframe, 'null', tokenOf, 300);
    expect(iframe.style.height).toBe('300px');
    send(iframe.contentWindow, 'null', { type: EMBED_RESIZE, height: 999, token: '' });
    send(iframe.contentWindow, 'null', { type: EMBED_RESIZE, height: 999, token: 'f'.repeat(32) });
    send(iframe.contentWindow, 'null', { type: EMBED_RESIZE, height: 999 });
    expect(iframe.style.height).toBe('300px');
    expect(navigations, 'the token is given once: the frame is not navigated again').toHaveLength(1);
  });

  it('gives a new token when the page changes the frame’s src', () => {
    const { navigations, tokenOf } = start();
    const iframe = frame({ src: 'https://cdn.example/embed.html?name=voice.tts' });
    hello(iframe, 'https://cdn.example', tokenOf, 300);
    const first = tokenOf(iframe);
    iframe.setAttribute('src', 'https://cdn.example/embed.html?name=image.flux');
    send(iframe.contentWindow, 'https://cdn.example', { type: EMBED_RESIZE, height: 999, token: first });
    expect(iframe.style.height).toBe('300px');
    expect(navigations).toHaveLength(2);
    expect(navigations[1]!.url).toContain('name=image.flux#embed-token=');
    send(iframe.contentWindow, 'https://cdn.example', { type: EMBED_RESIZE, height: 400, token: tokenOf(iframe) });
    expect(iframe.style.height).toBe('400px');
  });

  it('ignores messages from another origin, another window, or of another shape, and gives them no token', () => {
    const { navigations } = start();
    const iframe = frame({ src: 'https://cdn.example/embed.html' });
    send(iframe.contentWindow, 'https://evil.example', { type: EMBED_RESIZE, height: 999, token: '' });
    send(window, 'https://cdn.example', { type: EMBED_RESIZE, height: 999, token: '' });
    send(iframe.contentWindow, 'https://cdn.example', { type: EMBED_RESIZE, height: 'tall', token: '' });
    send(iframe.contentWindow, 'https://cdn.example', { type: 'other', height: 999, token: '' });
    expect(iframe.style.height).toBe('');
    expect(navigations).toEqual([]);
  });

  it('accepts the opaque origin of a frame sandboxed without allow-same-origin, only', () => {
    const { navigations, tokenOf } = start();
    const sandboxed = frame({ src: 'https://cdn.example/embed.html', sandbox: 'allow-scripts' });
    hello(sandboxed, 'null', tokenOf, 200);
    expect(sandboxed.style.height).toBe('200px');
    const sameOrigin = frame({ src: 'https://cdn.example/embed.html', sandbox: 'allow-scripts allow-same-origin' });
    send(sameOrigin.contentWindow, 'null', { type: EMBED_RESIZE, height: 200, token: '' });
    expect(sameOrigin.style.height).toBe('');
    expect(navigations.map((entry) => entry.frame)).toEqual([sandboxed]);
  });

  it('caps absurd heights', () => {
    const { tokenOf } = start();
    const iframe = frame({ src: 'https://cdn.example/embed.html' });
    hello(iframe, 'https://cdn.example', tokenOf, 1e9);
    expect(iframe.style.height).toBe('20000px');
  });
});

describe('asking embeds for their height', () => {
  it('asks frames already on the page when it starts, so a late parent script still sizes them', () => {
    const iframe = frame({ src: 'https://cdn.example/embed.html' });
    const asked: unknown[] = [];
    iframe.contentWindow!.addEventListener('message', (event) => asked.push(event.data));
    start();
    return vi.waitFor(() => expect(asked).toEqual([{ type: 'aiml-snippets:measure' }]));
  });
});
