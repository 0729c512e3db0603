// How a block's settings are read from its props (the editor, a Markdown fence) and from a
// pasted URL, and which of them the frame may use.
import { describe, expect, it } from 'vitest';
import { propsFromSettings, settingsFromProps, usableOverrides } from '../../integrations/gitbook/lib/block-settings';
import type { BlockSnippet } from '../../integrations/gitbook/lib/integration-data';
import { settingsFromUrl } from '../../integrations/gitbook/lib/settings-from-url';

const BASE = 'https://cdn.example.test/snippets/';

describe('settings from props', () => {
  it('reads a fence’s attributes: the name, and every other attribute but the body as a variable', () => {
    // ```aiml-snippet name=" open-ai.chat-completion " model="gpt-4o" max-tokens … → props
    expect(settingsFromProps({ name: ' open-ai.chat-completion ', model: 'gpt-4o', maxTokens: 64, stream: false, fallback: 'curl …', nested: { a: 1 } })).toEqual({
      name: 'open-ai.chat-completion',
      overrides: { model: 'gpt-4o', maxTokens: '64', stream: 'false' },
    });
    expect(settingsFromProps({})).toEqual({ name: '', overrides: {} });
  });

  it('writes them back as the fence’s attributes and body', () => {
    expect(propsFromSettings({ name: 'a.b', overrides: { model: 'm' } }, 'curl x')).toEqual({ name: 'a.b', model: 'm', fallback: 'curl x' });
  });

  it('lets the frame use only the snippet’s own, non-secret, non-empty variables', () => {
    const snippet: BlockSnippet = {
      id: 'a.b',
      group: 'a',
      title: 'B',
      variables: [
        { name: 'apiKey', default: '<KEY>', secret: true },
        { name: 'model', default: 'm', secret: false },
        { name: 'prompt', default: 'p', secret: false },
      ],
    };
    expect(usableOverrides(snippet, { apiKey: 'sk', model: 'x', prompt: '', other: 'y' })).toEqual({ model: 'x' });
    expect(usableOverrides(undefined, { model: 'x' })).toEqual({});
  });
});

describe('settings from a pasted URL', () => {
  it('reads an embed URL of any release folder: the name and the variables, in data-* spelling', () => {
    expect(settingsFromUrl(`${BASE}v1/embed.html?name=open-ai.chat-completion&model=gpt-4o&base-url=https%3A%2F%2Fx.test&max-tokens=5&lang=py&theme=dark&Bad_Key=1`, BASE)).toEqual({
      name: 'open-ai.chat-completion',
      overrides: { model: 'gpt-4o', baseUrl: 'https://x.test', maxTokens: '5' },
    });
  });

  it('reads a catalogue entry', () => {
    expect(settingsFromUrl(`${BASE}1.2.3/catalogue.html?q=chat#open-ai.embedding`, BASE)).toEqual({ name: 'open-ai.embedding', overrides: {} });
  });

  it.each([
    ['another site', 'https://example.test/snippets/v1/embed.html?name=a.b'],
    ['an embed URL without a name', `${BASE}v1/embed.html?model=x`],
    ['the catalogue without an entry', `${BASE}v1/catalogue.html`],
    ['another file', `${BASE}v1/bundle.js?name=a.b`],
    ['not a URL', 'open-ai.chat-completion'],
  ])('gives nothing for %s', (_what, url) => {
    expect(settingsFromUrl(url, BASE)).toBeNull();
  });
});
