import { describe, expect, it } from 'vitest';
import { closestNames } from '../../src/core/closest-names';
import { languageLabel, normalizeLanguage, orderLanguages } from '../../src/core/languages';
import { safeUrl } from '../../src/core/safe-url';
import { describeUnknownVariables } from '../../src/core/unknown-variables';

describe('languages', () => {
  it('labels known languages and shows the file name for others', () => {
    expect(['py', 'js', 'sh', 'ts'].map(languageLabel)).toEqual(['Python', 'JavaScript', 'cURL', 'TypeScript']);
    expect(languageLabel('go')).toBe('go.hbs');
  });

  it('orders tabs: config order first, then Python, JavaScript, then alphabetically', () => {
    expect(orderLanguages(['sh', 'ts', 'js', 'py'])).toEqual(['py', 'js', 'sh', 'ts']);
    expect(orderLanguages(['sh', 'ts', 'js', 'py'], ['sh'])).toEqual(['sh', 'py', 'js', 'ts']);
  });

  it('reads language names as readers write them', () => {
    expect(['python', 'PY', 'JavaScript', 'curl', 'bash', 'nope', ''].map(normalizeLanguage)).toEqual([
      'py',
      'py',
      'js',
      'sh',
      'sh',
      null,
      null,
    ]);
  });
});

describe('closestNames', () => {
  const known = ['open-ai.chat-completion', 'open-ai.embedding', 'image.flux', 'voice.tts'];
  it('suggests the nearest names for a typo', () => {
    expect(closestNames('open-ai.chat-completon', known)[0]).toBe('open-ai.chat-completion');
    expect(closestNames('image.flx', known)[0]).toBe('image.flux');
  });
  it('suggests nothing for something unrelated', () => {
    expect(closestNames('zzzzzzzz.qqqqqqqq', known)).toEqual([]);
  });
});

describe('safeUrl', () => {
  it('keeps only absolute http(s) links', () => {
    expect(safeUrl('https://docs.aimlapi.com/x')).toBe('https://docs.aimlapi.com/x');
    expect(safeUrl('http://example.com')).toBe('http://example.com/');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,hi')).toBeNull();
    expect(safeUrl('/relative')).toBeNull();
    expect(safeUrl(42)).toBeNull();
  });
});

describe('describeUnknownVariables', () => {
  const config = { title: 'T', payload: { model: 'm', baseUrl: 'u', apiKey: 'k' } };
  it('names attributes with no variable, with the likely intended one', () => {
    expect(describeUnknownVariables('open-ai.chat-completion', config, ['modle', 'model'])).toBe(
      'data-modle (did you mean data-model?) is not a variable of "open-ai.chat-completion", and is ignored. Its variables: data-model, data-base-url, data-api-key.',
    );
  });
  it('says nothing when every attribute is a variable', () => {
    expect(describeUnknownVariables('x.y', config, ['model', 'baseUrl'])).toBeNull();
  });
});
