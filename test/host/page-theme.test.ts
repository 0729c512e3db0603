// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { observePageTheme, resolveTheme } from '../../src/host/page-theme.ts';

afterEach(() => {
  document.documentElement.removeAttribute('class');
  document.documentElement.removeAttribute('data-theme');
  document.body.removeAttribute('class');
  document.body.innerHTML = '';
});

describe('resolveTheme', () => {
  const snippet = () => document.body.appendChild(document.createElement('snippet'));

  it('follows the usual page switches, the element’s own first', () => {
    const element = snippet();
    expect(resolveTheme(element)).toBe('auto');
    document.body.classList.add('dark');
    expect(resolveTheme(element)).toBe('dark');
    document.documentElement.setAttribute('data-theme', 'light');
    expect(resolveTheme(element)).toBe('light');
    element.setAttribute('data-theme', 'dark');
    expect(resolveTheme(element)).toBe('dark');
  });

  it('tells when a switch changes on <html> or <body>', async () => {
    const onChange = vi.fn();
    const stop = observePageTheme(document, onChange);
    document.body.classList.add('dark');
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    document.documentElement.setAttribute('data-theme', 'dark');
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(2));
    stop();
  });
});
