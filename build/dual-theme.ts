import type { ThemeRegistration } from 'shiki';
import type { Plugin } from 'vite';
import { colorCode, paletteCss, type Palette } from '../src/core/formats/token-colors.ts';
import { readableOn } from './readable-colors.ts';

// The code backgrounds of src/ui/viewer.css (--bg), which token colours must be readable on.
const LIGHT = { name: 'github-light', background: '#ffffff' } as const;
const DARK = { name: 'github-dark', background: '#0d1117' } as const;
const THEMES: Readonly<Record<string, () => Promise<{ default: ThemeRegistration }>>> = {
  'github-light': () => import('@shikijs/themes/github-light'),
  'github-dark': () => import('@shikijs/themes/github-dark'),
};
export const DUAL_THEME_NAME = 'snippets-dual';

interface TokenRule {
  name?: string;
  scope?: string | string[];
  settings: { foreground?: string; background?: string; fontStyle?: string };
}

/** A theme reduced to what a code block uses. */
export interface SlimTheme {
  name: string;
  type: 'light' | 'dark';
  colors: { 'editor.foreground': string; 'editor.background': string };
  tokenColors: TokenRule[];
}

/** The light and dark themes as one theme for one tokenizing pass, and what its colours stand for. */
export interface DualTheme {
  theme: SlimTheme;
  /** palette[n] = [light, dark]: the colours a token coloured `colorCode(n)` has in each theme. */
  palette: Palette;
}

/**
 * Serves github-light and github-dark as one theme (see `dualTheme`): `virtual:shiki-theme`
 * for Shiki, and `virtual:token-styles`, the palette as the viewer's token classes. Without
 * the themes' editor UI colours (a code block needs token colours, not the ~180 colours of
 * VS Code's chrome: most of a theme's bytes), and with every token colour at WCAG AA
 * contrast on the viewer's background (github-light's orange, for one, is 3.5:1 on white).
 */
export function dualThemePlugin(): Plugin {
  return {
    name: 'snippets:dual-theme',
    // Hook filters: the bundler calls these only for our ids, not for every module.
    resolveId: { filter: { id: /^virtual:(shiki-theme|token-styles)$/ }, handler: (id) => `\0${id}` },
    load: {
      filter: { id: /^\0virtual:(shiki-theme|token-styles)$/ },
      async handler(id) {
        const { theme, palette } = await loadDualTheme();
        return id.endsWith('shiki-theme') ? `export default ${JSON.stringify(theme)};\n` : `export default ${JSON.stringify(paletteCss(palette))};\n`;
      },
    },
  };
}

/** The one theme the page highlights with (also used by the build's own highlighting). */
export async function loadDualTheme(): Promise<DualTheme> {
  return dualTheme(await slimTheme(LIGHT), await slimTheme(DARK));
}

/** One Shiki theme as the viewer uses it: slimmed, its token colours readable on `background`. */
export async function slimTheme({ name, background }: { name: string; background: string }): Promise<SlimTheme> {
  const load = THEMES[name];
  if (!load) throw new Error(`No theme named ${JSON.stringify(name)}: the viewer uses ${Object.keys(THEMES).join(' and ')}.`);
  const { default: theme } = await load();
  const colors = (theme.colors ?? {}) as Record<string, string>;
  return {
    name: theme.name!,
    type: theme.type === 'dark' ? 'dark' : 'light',
    colors: { 'editor.foreground': colors['editor.foreground']!, 'editor.background': colors['editor.background']! },
    tokenColors: (theme.tokenColors as TokenRule[]).map((rule) =>
      rule.settings.foreground ? { ...rule, settings: { ...rule.settings, foreground: readableOn(rule.settings.foreground, background) } } : rule,
    ),
  };
}

/**
 * Shiki colours code in two themes by tokenizing it once per theme, although the grammar's
 * work (nearly all of the cost) is the same both times. github-light and github-dark have the
 * same rules in the same order with different colours, so the same rule wins for every token
 * in both: one theme with those rules, each rule's colour replaced by a code for its pair of
 * colours, tokenizes once and yields both. Fails the build if the two themes ever diverge.
 */
export function dualTheme(light: SlimTheme, dark: SlimTheme): DualTheme {
  const palette: [string, string][] = [];
  const codes = new Map<string, string>();
  const code = (lightColor: string, darkColor: string) => {
    const key = `${lightColor} ${darkColor}`;
    let found = codes.get(key);
    if (!found) {
      found = colorCode(palette.length);
      palette.push([lightColor, darkColor]);
      codes.set(key, found);
    }
    return found;
  };
  const foreground = code(light.colors['editor.foreground'], dark.colors['editor.foreground']);
  if (light.tokenColors.length !== dark.tokenColors.length) {
    throw new Error(`${light.name} has ${light.tokenColors.length} token rules and ${dark.name} has ${dark.tokenColors.length}: they cannot share one tokenizing pass.`);
  }
  const tokenColors = light.tokenColors.map((rule, i) => {
    const other = dark.tokenColors[i]!;
    const sameShape =
      JSON.stringify(rule.scope) === JSON.stringify(other.scope) &&
      rule.settings.fontStyle === other.settings.fontStyle &&
      !rule.settings.foreground === !other.settings.foreground;
    if (!sameShape) {
      throw new Error(`Token rule ${i} (${JSON.stringify(rule.scope)}) differs between ${light.name} and ${dark.name} beyond its colour: they cannot share one tokenizing pass.`);
    }
    const settings = { ...rule.settings };
    delete settings.background;
    if (rule.settings.foreground) settings.foreground = code(rule.settings.foreground, other.settings.foreground!);
    return { ...rule, settings };
  });
  return {
    theme: {
      name: DUAL_THEME_NAME,
      type: 'light',
      // The background is never read: the viewer's stylesheet paints it.
      colors: { 'editor.foreground': foreground, 'editor.background': foreground },
      tokenColors,
    },
    palette,
  };
}
