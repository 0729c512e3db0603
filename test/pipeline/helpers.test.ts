import { describe, expect, it } from 'vitest';
import { jsonLiteral, shellQuote, stringLiteral, valueLiteral } from '../../src/pipeline/helpers.ts';

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
