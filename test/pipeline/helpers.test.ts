import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { helpers, jsonLiteral, shellQuote, stringLiteral, valueLiteral } from '../../src/pipeline/helpers.ts';

// Templates call helpers through Handlebars, which passes its options last: render them that way.
const env = Handlebars.create();
env.registerHelper(helpers as unknown as Record<string, Handlebars.HelperDelegate>);
const render = (source: string, values: Record<string, unknown>, lang = 'sh') =>
  env.compile(source, { noEscape: true, strict: true })(values, { data: { lang } });
const url = (...parts: string[]) => render(`{{url ${parts.map((_, i) => `p${i}`).join(' ')}}}`, Object.fromEntries(parts.map((part, i) => [`p${i}`, part])));

describe('literal helpers', () => {
  it('quote for the shell so that nothing inside is special', () => {
    expect(shellQuote(`it's $HOME \`x\``)).toBe(`'it'\\''s $HOME \`x\`'`);
  });

  it('emit double-quoted literals that are valid in Python, JavaScript and JSON', () => {
    const text = 'a"b\\c\nd\u2028e';
    const literal = stringLiteral(text, 'py');
    expect(literal).toBe('"a\\"b\\\\c\\nd\\u2028e"');
    expect(JSON.parse(literal)).toBe(text);
    expect(stringLiteral(text, 'js')).toBe(literal);
    expect(stringLiteral('x', 'sh')).toBe(`'x'`);
  });

  it('keep numbers and booleans typed, per language', () => {
    expect(valueLiteral(512, 'py')).toBe('512');
    expect(valueLiteral(true, 'py')).toBe('True');
    expect(valueLiteral(false, 'js')).toBe('false');
    expect(valueLiteral(null, 'py')).toBe('None');
    expect(valueLiteral('512', 'js')).toBe('"512"');
    expect(jsonLiteral(0.7)).toBe('0.7');
    expect(jsonLiteral('a"b')).toBe('"a\\"b"');
  });
});

describe('the url helper', () => {
  it('joins a base URL and a path with exactly one "/", whatever slashes either has', () => {
    expect(url('https://api.example.com/v1', '/chat/completions')).toBe('https://api.example.com/v1/chat/completions');
    expect(url('https://api.example.com/v1/', '/chat/completions')).toBe('https://api.example.com/v1/chat/completions');
    expect(url('https://api.example.com/v1///', '/chat/completions')).toBe('https://api.example.com/v1/chat/completions');
    expect(url('https://api.example.com/v1', 'chat/completions')).toBe('https://api.example.com/v1/chat/completions');
    expect(url('https://api.example.com/v1/', '//chat/completions')).toBe('https://api.example.com/v1/chat/completions');
    expect(url('https://api.example.com', '/messages')).toBe('https://api.example.com/messages');
  });

  it('joins further parts at their seams only: the slashes inside a part, and at the very end, stay', () => {
    expect(url('https://api.example.com/v1/', '/generations/', 'gen/2025/06:a+b')).toBe('https://api.example.com/v1/generations/gen/2025/06:a+b');
    expect(url('https://api.example.com/v1', '/generations', 'abc')).toBe('https://api.example.com/v1/generations/abc');
    expect(url('https://api.example.com/v1', '/files/')).toBe('https://api.example.com/v1/files/');
  });

  it('takes linear time on a long run of slashes (a page, or an embed link, chooses the value)', () => {
    const base = `https://api.example.com/${'/'.repeat(50_000)}v1${'/'.repeat(50_000)}`;
    const started = performance.now();
    expect(url(base, '/x')).toBe(`https://api.example.com/${'/'.repeat(50_000)}v1/x`);
    // /\/+$/ needs seconds here (quadratic); the loop well under a millisecond.
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('returns plain text that str and json then quote, so a hostile base URL stays inside its literal', () => {
    const baseUrl = `https://x.example/v1' $(id) "\n/`;
    const joined = `https://x.example/v1' $(id) "\n/tts`;
    expect(render('{{str (url baseUrl "/tts")}}', { baseUrl })).toBe(`'https://x.example/v1'\\'' $(id) "\n/tts'`);
    expect(render('{{str (url baseUrl "/tts")}}', { baseUrl }, 'py')).toBe(String.raw`"https://x.example/v1' $(id) \"\n/tts"`);
    expect(JSON.parse(render('{{json (url baseUrl "/tts")}}', { baseUrl }))).toBe(joined);
  });

  it('refuses a missing variable or a missing path, rather than write half a URL', () => {
    expect(() => render('{{str (url baseUrl "/tts")}}', {})).toThrow(/no value/);
    expect(() => render('{{str (url baseUrl)}}', { baseUrl: 'https://api.example.com/v1' })).toThrow(/needs a base URL and a path/);
  });
});
