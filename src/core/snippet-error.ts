/** What went wrong, as events and notices name it. */
export type SnippetErrorCode =
  | 'unknown-snippet'
  | 'invalid-name'
  | 'bad-value'
  | 'load-failed'
  | 'render-failed'
  | 'highlight-failed';

/** Every code, for checks of values that come from outside (events, tests). */
export const SNIPPET_ERROR_CODES: readonly SnippetErrorCode[] = [
  'unknown-snippet',
  'invalid-name',
  'bad-value',
  'load-failed',
  'render-failed',
  'highlight-failed',
];

/** The one error type of the widget: a code, the snippet it concerns, and a message that says how to fix it. */
export class SnippetError extends Error {
  override name = 'SnippetError';
  readonly code: SnippetErrorCode;
  readonly snippet: string;

  constructor(code: SnippetErrorCode, snippet: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.snippet = snippet;
  }
}

/** Wraps anything thrown into a SnippetError of `code`, naming the stage in `context` and keeping the original as `cause`. */
export function toSnippetError(error: unknown, code: SnippetErrorCode, snippet: string, context: string): SnippetError {
  if (error instanceof SnippetError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new SnippetError(code, snippet, `${context}: ${detail}`, { cause: error });
}
