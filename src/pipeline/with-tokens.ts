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
