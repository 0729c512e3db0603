import { describe, expect, it } from 'vitest';
import { preloadModule } from '../../src/dom/preload-module';

describe('preloadModule', () => {
  it('adds one modulepreload link per URL, fetched the way a dynamic import fetches', () => {
    preloadModule(document, 'https://cdn.example/snippets/chunks/shiki-core-abc.js');
    preloadModule(document, 'https://cdn.example/snippets/chunks/shiki-core-abc.js');
    preloadModule(document, 'https://cdn.example/snippets/chunks/python-def.js');
    const links = [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')];
    expect(links.map((link) => link.href)).toEqual([
      'https://cdn.example/snippets/chunks/shiki-core-abc.js',
      'https://cdn.example/snippets/chunks/python-def.js',
    ]);
    expect(links.every((link) => link.crossOrigin === 'anonymous' || link.getAttribute('crossorigin') === '')).toBe(true);
  });
});
