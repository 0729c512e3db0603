// How a block's settings are read from its props (the editor, a Markdown fence) and from a
// pasted URL, and which of them the frame may use.
import { describe, expect, it } from 'vitest';
import { propsFromSettings, settingsFromProps, settingsProblems, usableOverrides } from '../../integrations/gitbook/lib/block-settings';
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

describe('what is wrong with settings, for the author', () => {
  const snippet: BlockSnippet = {
    id: 'a.b',
    group: 'a',
    title: 'B',
    variables: [
      { name: 'apiKey', default: '<KEY>', secret: true },
      { name: 'steps', default: 30, secret: false },
      { name: 'stream', default: false, secret: false },
      { name: 'model', default: 'm', secret: false },
    ],
  };
  const closest = (name: string) => (name === 'a.c' ? ['a.b'] : []);

  it('nothing, for good settings (numbers and booleans as text, any case)', () => {
    expect(settingsProblems({ name: 'a.b', overrides: { steps: ' 12.5 ', stream: 'TRUE', model: 'x' } }, [snippet], closest)).toEqual([]);
  });

  it('every problem, each with its fix', () => {
    expect(settingsProblems({ name: 'a.b', overrides: { apiKey: 'sk', steps: 'many', stream: 'yes', colour: 'red' } }, [snippet], closest)).toEqual([
      'apiKey is a secret: a docs page always shows its placeholder (readers paste their own), so it is ignored. Remove it.',
      'steps is "many", not a number: write a number, e.g. 30.',
      'stream is "yes", not true or false: write true or false.',
      'colour is not a variable of a.b, so it is ignored. Its variables: steps, stream, model.',
    ]);
    // Empty keeps the default (as in the settings modal); blank is not a number.
    expect(settingsProblems({ name: 'a.b', overrides: { steps: '' } }, [snippet], closest)).toEqual([]);
    expect(settingsProblems({ name: 'a.b', overrides: { steps: '  ' } }, [snippet], closest)).toEqual(['steps is "  ", not a number: write a number, e.g. 30.']);
  });

  it('an unknown sample, with the closest names when there are some', () => {
    expect(settingsProblems({ name: 'a.c', overrides: {} }, [snippet], closest)).toEqual(['"a.c" is not a sample of the library. Did you mean a.b? Pick one in the block\'s settings.']);
    expect(settingsProblems({ name: 'zzz', overrides: {} }, [snippet], closest)).toEqual(['"zzz" is not a sample of the library. Pick one in the block\'s settings.']);
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
