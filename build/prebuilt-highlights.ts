import { createJavaScriptRegexEngine } from '@shikijs/engine-javascript';
import { codeToTokensBase, createShikiPrimitive, type LanguageRegistration, type ShikiPrimitive } from '@shikijs/primitive';
import { LANGUAGES } from '../src/core/languages.ts';
import type { RenderedSnippet } from '../src/core/types.ts';
import { DIGITS, FIXED, STRING_TEXT, type PrebuiltHighlights, type PrebuiltLine, type PrebuiltStyle } from '../src/highlight/prebuilt-tokens.ts';
import { loadDualTheme } from './slim-themes.ts';

/**
 * Highlights a snippet's default rendering at build time, with the theme the page uses, so
 * that a page showing it (or it with plain values changed, see src/highlight/prebuilt-tokens.ts)
 * needs no highlighter at all: the code shows coloured in its first paint and Shiki never loads.
 *
 * Each token keeps the grammar's parts it was merged from (Shiki merges neighbours of one
 * colour, e.g. a string's quotes and its text), each marked with what it may be changed to:
 * the text of a string literal, the digits of a number, or nothing.
 */
export async function prebuiltHighlights(snippet: RenderedSnippet): Promise<PrebuiltHighlights> {
  const { primitive, theme, palette } = await highlighter();
  const styles: PrebuiltStyle[] = [];
  const styleIndex = new Map<string, number>();
  const indexOf = (style: PrebuiltStyle) => {
    const key = style.join(' ');
    let index = styleIndex.get(key);
    if (index === undefined) {
      index = styles.push(style) - 1;
      styleIndex.set(key, index);
    }
    return index;
  };

  const files: Record<string, PrebuiltLine[]> = {};
  for (const file of snippet.files) {
    const grammar = LANGUAGES[file.lang]?.grammar;
    if (!grammar) continue;
    const lines = codeToTokensBase(primitive, file.displayCode, { lang: grammar, theme, includeExplanation: 'scopeName' });
    files[file.lang] = lines.map((line) =>
      line.flatMap(({ content, color, fontStyle, explanation }) => {
        const colors = color && /^#[0-9a-f]{6}$/i.test(color) ? palette[parseInt(color.slice(1), 16)] : undefined;
        const parts = explanation ?? [{ content, scopes: [] }];
        if (parts.map((part) => part.content).join('') !== content) {
          throw new Error(`${snippet.id} (${file.lang}): Shiki's explanation of ${JSON.stringify(content)} does not add up to the token`);
        }
        return [
          indexOf([colors?.[0] ?? '', colors?.[1] ?? '', fontStyle && fontStyle > 0 ? fontStyle : 0]),
          ...parts.map(({ content: text, scopes }) => {
            const kind = partKind(scopes.map((scope) => scope.scopeName));
            return kind === FIXED ? text : ([kind, text] as const);
          }),
        ];
      }),
    );
  }
  return { styles, files };
}

/** What a part whose innermost scope is this may become (see src/highlight/prebuilt-tokens.ts). */
function partKind(scopes: string[]): number {
  const inner = scopes[scopes.length - 1] ?? '';
  // The text of a string literal: not its quotes, escapes, placeholders, nor a regex.
  if (/^string\./.test(inner) && !/^string\.regexp/.test(inner)) return STRING_TEXT;
  if (/^constant\.numeric/.test(inner)) return DIGITS;
  return FIXED;
}

let created: Promise<{ primitive: ShikiPrimitive; theme: string; palette: [string, string][] }> | null = null;

/** One Shiki for the whole build, with every grammar the library uses and the page's theme. */
function highlighter() {
  created ??= (async () => {
    const { theme, palette } = await loadDualTheme();
    const grammars = [...new Set(Object.values(LANGUAGES).map((info) => info.grammar))];
    const langs = await Promise.all(
      grammars.map(async (name) => ((await import(`@shikijs/langs/${name}`)) as { default: LanguageRegistration[] }).default),
    );
    const primitive = createShikiPrimitive({
      themes: [theme],
      langs: langs.flat(),
      // Shiki's own JavaScript engine: the reference the run-time engine is tested against.
      engine: createJavaScriptRegexEngine({ forgiving: true }),
    });
    return { primitive, theme: theme.name, palette };
  })();
  return created;
}
