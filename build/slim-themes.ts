import type { Plugin } from 'vite';
import { readableOn } from './readable-colors.ts';

const ID = 'virtual:shiki-themes';
// The code backgrounds of src/ui/viewer.css (--bg), which token colours must be readable on.
const THEMES = { 'github-light': '#ffffff', 'github-dark': '#0d1117' } as const;

type TokenColor = { settings?: { foreground?: string } };

/**
 * Serves the two Shiki themes without their editor UI colours (a code block needs token
 * colours and the editor's foreground and background, not the ~180 colours of VS Code's
 * chrome: most of a theme's bytes), and with every token colour at WCAG AA contrast on the
 * viewer's background (github-light's orange, for one, is 3.5:1 on white).
 */
export function slimThemes(): Plugin {
  return {
    name: 'snippets:slim-themes',
    // Hook filters: the bundler calls these only for our id, not for every module.
    resolveId: { filter: { id: /^virtual:shiki-themes$/ }, handler: () => `\0${ID}` },
    load: { filter: { id: /^\0virtual:shiki-themes$/ }, handler: themesModule },
  };
}

/** The module of both themes, slimmed and with readable token colours. */
async function themesModule(): Promise<string> {
  const themes = await Promise.all(
    Object.entries(THEMES).map(async ([name, background]) => {
      const { default: theme } = (await import(`@shikijs/themes/${name}`)) as { default: Record<string, unknown> };
      const colors = (theme.colors ?? {}) as Record<string, string>;
      return {
        name: theme.name,
        type: theme.type,
        colors: { 'editor.foreground': colors['editor.foreground'], 'editor.background': colors['editor.background'] },
        tokenColors: (theme.tokenColors as TokenColor[]).map((rule) =>
          rule.settings?.foreground
            ? { ...rule, settings: { ...rule.settings, foreground: readableOn(rule.settings.foreground, background) } }
            : rule,
        ),
      };
    }),
  );
  return `export default ${JSON.stringify(themes)};\n`;
}
