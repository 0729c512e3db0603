import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { index, loaders } from 'virtual:snippet-library';
import { grammarOf, pickLanguage } from '../core/languages.ts';
import { attributeName } from '../core/resolve-values.ts';
import { SnippetError } from '../core/snippet-error.ts';
import type { PreparedSnippet, SnippetValue, Theme } from '../core/types.ts';
import { createPageHighlighter } from '../highlight/create-page-highlighter.ts';
import { createHandlebarsRenderer } from '../pipeline/create-handlebars-renderer.ts';
import { createSnippetLibrary } from '../pipeline/create-snippet-library.ts';
import { prepareSnippet } from '../pipeline/prepare-snippet.ts';
import { withBuildTokens, withTokens } from '../pipeline/with-tokens.ts';
import { viewerCss } from '../view/viewer-styles.ts';
import { viewerTree } from '../view/viewer-tree.ts';
import { toHast } from './to-hast.ts';

export interface StaticRenderOptions {
  /** The tab that shows first: a template language (`py`, `js`, `sh`…); default the library's first. */
  lang?: string;
  /** `auto` (the reader's colour scheme, the default), `light` or `dark`. */
  theme?: Theme;
  /**
   * The viewer's stylesheet: inline (a `<style>` in each shadow root: self-contained, the
   * default), or the URL of `bundle.css`'s sibling `viewer.css` to link (one cached file; works
   * under a `style-src` policy without 'unsafe-inline').
   */
  stylesheet?: 'inline' | { href: string };
  /**
   * Hears what the bundle would log as a warning while the snippet still renders, e.g. a
   * `data-*` attribute the snippet has no variable for (a typo such as `data-modle`).
   */
  onWarning?: (message: string) => void;
}

/** Renders snippets as the viewer's markup, ahead of time; its caches live as long as it does. */
export interface StaticRenderer {
  /** The mount point (`<div data-snippet-root>` holding a declarative shadow root) to put inside a `<snippet>`. */
  renderHast(name: string, values?: Readonly<Record<string, SnippetValue>>, options?: StaticRenderOptions): Promise<Element>;
  /** The whole `<snippet data-name … data-*>` element, pre-rendered, as HTML. */
  renderHtml(name: string, values?: Readonly<Record<string, SnippetValue>>, options?: StaticRenderOptions): Promise<string>;
}

const THEMES: readonly Theme[] = ['auto', 'light', 'dark'];

export function createStaticRenderer(): StaticRenderer {
  const library = createSnippetLibrary({ index, loaders });
  const renderer = createHandlebarsRenderer();
  const highlighter = createPageHighlighter();

  const prepare = async (name: string, values: Readonly<Record<string, SnippetValue>>, onWarning?: (message: string) => void): Promise<PreparedSnippet> => {
    const { snippet, highlights, warnings } = await prepareSnippet({ name, layers: [{ source: 'attribute', values }] }, { library, renderer: async () => renderer });
    for (const warning of warnings) onWarning?.(warning);
    // Every tab is in the page: each coloured, by the build's tokens or by Shiki.
    let coloured = withBuildTokens(snippet, highlights);
    for (const file of coloured.files) {
      if (file.highlight !== 'pending') continue;
      coloured = withTokens(coloured, file.lang, await highlighter.highlight(file.displayCode, grammarOf(file.lang)!, name));
    }
    return coloured;
  };

  const renderHast: StaticRenderer['renderHast'] = async (name, values = {}, options = {}) => {
    const theme = options.theme ?? 'auto';
    if (!THEMES.includes(theme)) throw new SnippetError('bad-value', name, `theme ${JSON.stringify(theme)} is not a theme. Use "auto", "light" or "dark".`);
    const nameError = library.check(name);
    if (nameError) throw nameError;
    // A secret written into a page would be read by everyone who reads the page's source.
    for (const key of (await library.load(name)).config.secrets ?? []) {
      if (Object.hasOwn(values, key)) {
        throw new SnippetError(
          'bad-value',
          name,
          `${attributeName(key)} is a secret: it is never written into a page rendered ahead of time. Leave it out, and set it in the browser with Snippets.setPayload({ ${key}: … }).`,
        );
      }
    }
    const snippet = await prepare(name, values, options.onWarning);
    const langs = snippet.files.map((file) => file.lang);
    if (options.lang !== undefined && !langs.includes(options.lang)) {
      throw new SnippetError('bad-value', name, `lang ${JSON.stringify(options.lang)} is not a language of "${name}". Use one of ${langs.map((lang) => JSON.stringify(lang)).join(', ')}.`);
    }
    const tree = viewerTree({
      snippet,
      lang: pickLanguage(langs, options.lang ?? null, null),
      wrap: false,
      expanded: false,
      copy: 'idle',
      announcement: '',
      theme,
      showTokens: true,
      shortcut: '',
      static: true,
    });
    const style: Element =
      options.stylesheet && options.stylesheet !== 'inline'
        ? { type: 'element', tagName: 'link', properties: { rel: ['stylesheet'], href: options.stylesheet.href }, children: [] }
        : { type: 'element', tagName: 'style', properties: {}, children: [{ type: 'text', value: viewerCss }] };
    const content: Root = { type: 'root', children: [style, toHast(tree)] };
    const template: Element = { type: 'element', tagName: 'template', properties: { shadowRootMode: 'open' }, children: [], content };
    return { type: 'element', tagName: 'div', properties: { dataSnippetRoot: '' }, children: [template] };
  };

  return {
    renderHast,
    async renderHtml(name, values = {}, options = {}) {
      const mount = await renderHast(name, values, options);
      const attributes: Record<string, string> = Object.fromEntries([['data-name', name], ...Object.entries(values).map(([key, value]) => [attributeName(key), String(value)])]);
      const element: Element = { type: 'element', tagName: 'snippet', properties: {}, children: [mount] };
      for (const [attribute, value] of Object.entries(attributes)) element.properties[attribute] = value;
      // An HTML parser turns a carriage return into a line feed, in text and attributes alike:
      // written as a character reference, a value's \r comes through intact.
      return toHtml(element).replace(/\r/g, '&#13;');
    },
  };
}
