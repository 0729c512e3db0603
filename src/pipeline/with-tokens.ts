import { adaptTokens, type PrebuiltHighlights } from '../core/formats/prebuilt-highlights.ts';
import type { PreparedSnippet, TokenLines } from '../core/types.ts';

/** The snippet with one file's colours in (or, for null, given up on: it stays plain). */
export function withTokens(snippet: PreparedSnippet, lang: string, tokens: TokenLines | null): PreparedSnippet {
  return {
    ...snippet,
    files: snippet.files.map((file) =>
      file.lang !== lang ? file : { ...file, tokens, highlight: tokens ? ('highlighted' as const) : ('plain' as const) },
    ),
  };
}

/** The snippet with the build's tokens in every file they fit (the rest stay `pending`, for Shiki). */
export function withBuildTokens(snippet: PreparedSnippet, highlights: PrebuiltHighlights | null): PreparedSnippet {
  let result = snippet;
  for (const file of snippet.files) {
    if (file.highlight !== 'pending') continue;
    const tokens = adaptTokens(highlights, file.lang, file.displayCode);
    if (tokens) result = withTokens(result, file.lang, tokens);
  }
  return result;
}
