import type { Element } from 'hast';
import { index } from 'virtual:snippet-library';
import { LANGUAGES, normalizeLanguage } from '../core/languages.ts';
import type { SnippetValue, Theme } from '../core/types.ts';
import type { StaticRenderer, StaticRenderOptions } from './create-static-renderer.ts';

/** One snippet a page asks for: as an element's attributes or a JSX element's props say it. */
export interface SnippetRequest {
  name: string;
  values: Record<string, SnippetValue>;
  /** The element's own theme (`data-theme`, `theme=`), over the site's. */
  theme?: string | undefined;
  /** The element's own first tab (`lang=` of `<Snippet>`): an error if the snippet lacks it. */
  lang?: string | undefined;
}

/** Site-wide render settings, as the CLI's flags and the rehype plugin's options give them. */
export interface RenderDefaults {
  /** The first tab wherever a snippet has that language (as `?lang=` does in the browser). */
  lang?: string | undefined;
  theme?: Theme | undefined;
  stylesheet?: StaticRenderOptions['stylesheet'];
}

const THEMES: readonly string[] = ['auto', 'light', 'dark'];

/**
 * Checks site-wide settings once, before any page: `lang` may be any name the widget knows
 * (`py`, `python`, `curl` …) and becomes a template language. Throws an Error naming the
 * setting (`what`: how the caller spells it, e.g. `--lang`) and the values it takes.
 */
export function checkRenderDefaults(defaults: RenderDefaults, what: (setting: 'lang' | 'theme' | 'stylesheet') => string): RenderDefaults {
  const checked: RenderDefaults = {};
  if (defaults.lang !== undefined) {
    const lang = normalizeLanguage(defaults.lang);
    if (!lang) throw new Error(`${what('lang')} ${JSON.stringify(defaults.lang)} is not a language. Use one of ${Object.keys(LANGUAGES).join(', ')}.`);
    checked.lang = lang;
  }
  if (defaults.theme !== undefined) {
    if (!THEMES.includes(defaults.theme)) throw new Error(`${what('theme')} ${JSON.stringify(defaults.theme)} is not a theme. Use auto, light or dark.`);
    checked.theme = defaults.theme;
  }
  if (defaults.stylesheet !== undefined) {
    const { stylesheet } = defaults;
    if (stylesheet !== 'inline' && !(typeof stylesheet === 'object' && stylesheet !== null && typeof stylesheet.href === 'string' && stylesheet.href)) {
      throw new Error(`${what('stylesheet')} must be 'inline' or { href: '<the URL of viewer.css>' }, not ${JSON.stringify(stylesheet)}.`);
    }
    checked.stylesheet = stylesheet;
  }
  return checked;
}

/**
 * Renders a request as the mount point to put inside its element (see StaticRenderer's
 * renderHast), the element's own settings over the site's. Throws a SnippetError.
 */
export function renderRequest(renderer: StaticRenderer, request: SnippetRequest, defaults: RenderDefaults, onWarning: (message: string) => void): Promise<Element> {
  const options: StaticRenderOptions = { onWarning };
  const theme = elementTheme(request.theme, onWarning) ?? defaults.theme;
  if (theme !== undefined) options.theme = theme;
  const lang = request.lang ?? siteLang(request.name, defaults.lang);
  if (lang !== undefined) options.lang = lang;
  if (defaults.stylesheet !== undefined) options.stylesheet = defaults.stylesheet;
  return renderer.renderHast(request.name, request.values, options);
}

/** An element's own theme, read as the bundle reads it (`system` is `auto`; anything else is ignored). */
function elementTheme(value: string | undefined, onWarning: (message: string) => void): Theme | undefined {
  if (value === undefined) return undefined;
  if (value === 'system') return 'auto';
  if (THEMES.includes(value)) return value as Theme;
  onWarning(`data-theme=${JSON.stringify(value)} is not a theme, and is ignored. Write data-theme="light", "dark" or "auto".`);
  return undefined;
}

/** The site's first tab for one snippet, if the snippet has that language; else its own order. */
function siteLang(name: string, lang: string | undefined): string | undefined {
  if (lang === undefined || !Object.hasOwn(index.snippets, name)) return undefined;
  return index.snippets[name]!.languages.includes(lang) ? lang : undefined;
}
