// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMBED_RESIZE } from '../../src/embed/embed-protocol';
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

describe('resizeEmbeds', () => {
  it('sizes a frame from its own messages', () => {
    stop = resizeEmbeds(window);
    const iframe = frame({ src: 'https://cdn.example/snippets/v1/embed.html?name=voice.tts' });
    send(iframe.contentWindow, 'https://cdn.example', { type: EMBED_RESIZE, height: 321.4 });
    expect(iframe.style.height).toBe('322px');
  });

  it('ignores messages from another origin, another window, or of another shape', () => {
    stop = resizeEmbeds(window);
    const iframe = frame({ src: 'https://cdn.example/embed.html' });
    send(iframe.contentWindow, 'https://evil.example', { type: EMBED_RESIZE, height: 999 });
    send(window, 'https://cdn.example', { type: EMBED_RESIZE, height: 999 });
    send(iframe.contentWindow, 'https://cdn.example', { type: EMBED_RESIZE, height: 'tall' });
    send(iframe.contentWindow, 'https://cdn.example', { type: 'other', height: 999 });
    expect(iframe.style.height).toBe('');
  });

  it('accepts the opaque origin of a frame sandboxed without allow-same-origin, only', () => {
    stop = resizeEmbeds(window);
    const sandboxed = frame({ src: 'https://cdn.example/embed.html', sandbox: 'allow-scripts' });
    send(sandboxed.contentWindow, 'null', { type: EMBED_RESIZE, height: 200 });
    expect(sandboxed.style.height).toBe('200px');
    const sameOrigin = frame({ src: 'https://cdn.example/embed.html', sandbox: 'allow-scripts allow-same-origin' });
    send(sameOrigin.contentWindow, 'null', { type: EMBED_RESIZE, height: 200 });
    expect(sameOrigin.style.height).toBe('');
  });

  it('caps absurd heights', () => {
    stop = resizeEmbeds(window);
    const iframe = frame({ src: 'https://cdn.example/embed.html' });
    send(iframe.contentWindow, 'https://cdn.example', { type: EMBED_RESIZE, height: 1e9 });
    expect(iframe.style.height).toBe('20000px');
  });
});

describe('asking embeds for their height', () => {
  it('asks frames already on the page when it starts, so a late parent script still sizes them', () => {
    const iframe = frame({ src: 'https://cdn.example/embed.html' });
    const asked: unknown[] = [];
    iframe.contentWindow!.addEventListener('message', (event) => asked.push(event.data));
    stop = resizeEmbeds(window);
    return vi.waitFor(() => expect(asked).toEqual([{ type: 'aiml-snippets:measure' }]));
  });
});
