import { describe, expect, it } from 'vitest';
import { contrast, readableOn } from '../../build/readable-colors.ts';

describe('readableOn', () => {
  it('darkens a pale colour on white just enough for 4.5:1, keeping its hue', () => {
    expect(contrast('#e36209', '#ffffff')).toBeLessThan(4.5);
    const fixed = readableOn('#e36209', '#ffffff');
    expect(contrast(fixed, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(fixed, '#ffffff')).toBeLessThan(5.5);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(fixed.slice(i, i + 2), 16));
    expect(r! > g! && g! > b!).toBe(true);
  });

  it('lightens a dark colour on a dark background', () => {
    const fixed = readableOn('#6a737d', '#0d1117');
    expect(contrast(fixed, '#0d1117')).toBeGreaterThanOrEqual(4.5);
  });

  it('leaves readable colours and non-hex values alone', () => {
    expect(readableOn('#24292e', '#ffffff')).toBe('#24292e');
    expect(readableOn('currentColor', '#ffffff')).toBe('currentColor');
  });
});
