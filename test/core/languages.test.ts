import { describe, expect, it } from 'vitest';
import { checkSnippetName } from '../../src/core/check-snippet-name.ts';
import { closestNames } from '../../src/core/closest-names.ts';
import { grammarOf, languageLabel, normalizeLanguage, orderLanguages, pickLanguage } from '../../src/core/languages.ts';
import { safeUrl } from '../../src/core/safe-url.ts';
import { describeUnknownVariables } from '../../src/core/unknown-variables.ts';

describe('languages', () => {
  it('labels known languages and shows the file name for others', () => {
    expect(['py', 'js', 'sh', 'ts'].map(languageLabel)).toEqual(['Python', 'JavaScript', 'cURL', 'TypeScript']);
    expect(languageLabel('go')).toBe('go.hbs');
  });

  it('orders tabs: config order first, then Python, JavaScript, then alphabetically', () => {
    expect(orderLanguages(['sh', 'ts', 'js', 'py'])).toEqual(['py', 'js', 'sh', 'ts']);
    expect(orderLanguages(['sh', 'ts', 'js', 'py'], ['sh'])).toEqual(['sh', 'py', 'js', 'ts']);
  });

  it('knows the grammar of each language, and of nothing inherited', () => {
    expect(['py', 'js', 'sh', 'json', 'go', 'toString', 'constructor'].map(grammarOf)).toEqual(['python', 'javascript', 'shellscript', 'json', undefined, undefined, undefined]);
    expect(languageLabel('toString')).toBe('toString.hbs');
  });

  it('picks the page-wide choice if the snippet has it, else its own, else the first tab', () => {
    expect(pickLanguage(['py', 'js'], 'js', 'py')).toBe('js');
    expect(pickLanguage(['py', 'js'], 'sh', 'js')).toBe('js');
    expect(pickLanguage(['py', 'js'], null, null)).toBe('py');
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

describe('checkSnippetName', () => {
  const known = ['open-ai.chat-completion', 'open-ai.embedding', 'image.flux'];
  it('accepts a known name', () => {
    expect(checkSnippetName('image.flux', known)).toBeNull();
  });
  it('names an unknown one, with the closest known names and where names come from', () => {
    const error = checkSnippetName('open-ai.chat-completon', known)!;
    expect(error.code).toBe('unknown-snippet');
    expect(error.message).toBe(
      'No snippet is named "open-ai.chat-completon". Did you mean "open-ai.chat-completion"? The catalogue (catalogue.html, beside bundle.js) lists every name.',
    );
  });
  it('tells how a name is written when it is not group.name, and suggests the name a near miss meant', () => {
    const error = checkSnippetName('Open-AI/Chat_Completion', known)!;
    expect(error.code).toBe('invalid-name');
    expect(error.message).toBe(
      'data-name="Open-AI/Chat_Completion" is not a snippet name: write it as "group.name" in lowercase letters, digits and dashes. Did you mean "open-ai.chat-completion"?',
    );
    // Nothing near: no unrelated suggestion.
    expect(checkSnippetName('???', known)!.message).toBe('data-name="???" is not a snippet name: write it as "group.name" in lowercase letters, digits and dashes.');
  });
  it('keeps the notice of a huge name short', () => {
    for (const name of ['x'.repeat(10_000), `a.${'b'.repeat(10_000)}`]) {
      const { message } = checkSnippetName(name, known)!;
      expect(message.length).toBeLessThan(250);
      expect(message).toContain('(10,00');
    }
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
