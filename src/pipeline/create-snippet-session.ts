import { adaptTokens, type PrebuiltHighlights } from '../core/formats/prebuilt-highlights.ts';
import { grammarOf } from '../core/languages.ts';
import { LIMITS } from '../core/limits.ts';
import { toSnippetError, type SnippetError } from '../core/snippet-error.ts';
import type { PreparedSnippet } from '../core/types.ts';
import type { PageHighlighter } from '../highlight/create-page-highlighter.ts';
import { loadSnippetParts, renderPrepared, type PrepareDeps, type SnippetRequest } from './prepare-snippet.ts';
import { withTokens } from './with-tokens.ts';

/**
 * Where one snippet stands: on its way (`fetched` once its parts are in and it waits for its
 * turn to render), prepared (and coloured as far as it is), or failed.
 */
export type SessionState =
  | { status: 'loading'; snippet: null; error: null; fetched: boolean }
  | { status: 'ready'; snippet: PreparedSnippet; error: null }
  | { status: 'error'; snippet: null; error: SnippetError };

/** One snippet's pipeline, run once per request: what every painter of it reads. */
export interface SnippetSession {
  getState(): SessionState;
  subscribe(listener: () => void): () => void;
  /** Prepares `request` (again): a new name or new values, or a retry. Earlier runs are dropped. */
  prepare(request: SnippetRequest): void;
  /** Asks for the colours of `lang`: the build's tokens when they fit (at once), else Shiki's. */
  highlight(lang: string): void;
  /** Gives up on a request whose parts have not come: it fails with `error` (a retry is a new `prepare`). */
  expire(error: SnippetError): void;
  /** Colours that could not load are asked for again by the next `highlight` (the network is back). */
  retryColours(): void;
  /** Drops whatever is still pending. */
  cancel(): void;
}

export interface SessionOptions extends PrepareDeps {
  highlighter: PageHighlighter;
  /** Runs the synchronous part (rendering); a host spreads it over idle time for snippets far off-screen. */
  schedule?: (job: () => void) => void;
  /**
   * The language whose build tokens to fit right after rendering, before anyone hears of the
   * new rendering (the tab a snippet in view is about to show), or null: its first paint is
   * then coloured, with no second pass.
   */
  colourFirst?(snippet: PreparedSnippet): string | null;
  onWarning?(message: string): void;
  /** Every failure, once: a snippet that could not be prepared, or colours that could not be made. */
  onError?(error: SnippetError): void;
}

export const LOADING: SessionState = { status: 'loading', snippet: null, error: null, fetched: false };
const FETCHED: SessionState = { status: 'loading', snippet: null, error: null, fetched: true };

export function createSnippetSession(options: SessionOptions): SnippetSession {
  const { highlighter, schedule = (job) => job() } = options;
  let state: SessionState = LOADING;
  let run = 0;
  let highlights: PrebuiltHighlights | null = null;
  const highlighting = new Set<string>();
  // Languages whose colours failed to load for the current rendering.
  const failedColours = new Set<string>();
  const listeners = new Set<() => void>();

  const set = (next: SessionState) => {
    state = next;
    [...listeners].forEach((listener) => listener());
  };

  const fail = (error: unknown, name: string) => {
    const failure = toSnippetError(error, 'render-failed', name, 'Rendering failed');
    set({ status: 'error', snippet: null, error: failure });
    options.onError?.(failure);
  };

  return {
    getState: () => state,
    subscribe(listener) {
      const entry = () => listener();
      listeners.add(entry);
      return () => listeners.delete(entry);
    },
    prepare(request) {
      const current = ++run;
      highlighting.clear();
      failedColours.clear();
      if (state.status === 'error') set(LOADING);
      loadSnippetParts(request.name, options).then(
        (parts) => {
          if (current === run && state.status === 'loading') set(FETCHED);
          schedule(() => {
            if (current !== run) return;
            try {
              const { snippet: rendered, warnings } = renderPrepared(parts, request);
              highlights = parts.chunk.highlights;
              warnings.forEach((warning) => options.onWarning?.(warning));
              const first = options.colourFirst?.(rendered);
              const tokens = first ? adaptTokens(highlights, first, rendered.files.find((file) => file.lang === first)?.displayCode ?? '') : null;
              const snippet = first && tokens ? withTokens(rendered, first, tokens) : rendered;
              set({ status: 'ready', snippet, error: null });
            } catch (error) {
              fail(error, request.name);
            }
          });
        },
        (error: unknown) => {
          if (current === run) fail(error, request.name);
        },
      );
    },
    highlight(lang) {
      const { snippet } = state;
      const file = snippet?.files.find((candidate) => candidate.lang === lang);
      const grammar = grammarOf(lang);
      if (!snippet || !file || file.highlight !== 'pending' || !grammar || highlighting.has(lang)) return;
      // The build's tokens, when they fit (the usual case): at once, no highlighter.
      const built = adaptTokens(highlights, lang, file.displayCode);
      if (built) {
        set({ status: 'ready', snippet: withTokens(snippet, lang, built), error: null });
        return;
      }
      // Too long to colour without blocking the page: shown as it is.
      if (file.displayCode.length > LIMITS.highlightChars) {
        set({ status: 'ready', snippet: withTokens(snippet, lang, null), error: null });
        return;
      }
      highlighting.add(lang);
      const current = run;
      const apply = (tokens: Parameters<typeof withTokens>[2]) => {
        highlighting.delete(lang);
        // Values may have changed meanwhile: only the rendering these colours were made for takes them.
        if (current !== run || !state.snippet) return false;
        set({ status: 'ready', snippet: withTokens(state.snippet, lang, tokens), error: null });
        return true;
      };
      highlighter.highlight(file.displayCode, grammar, snippet.name).then(apply, (error: unknown) => {
        if (!apply(null)) return;
        failedColours.add(lang);
        options.onError?.(toSnippetError(error, 'highlight-failed', snippet.name, 'Highlighting failed'));
      });
    },
    expire(error) {
      // Parts that came are no network wait: a snippet waiting its turn to render is not stuck.
      if (state.status !== 'loading' || state.fetched) return;
      run++;
      set({ status: 'error', snippet: null, error });
      options.onError?.(error);
    },
    retryColours() {
      const { snippet } = state;
      if (!snippet || !failedColours.size) return;
      const files = snippet.files.map((file) => (failedColours.has(file.lang) ? { ...file, highlight: 'pending' as const } : file));
      failedColours.clear();
      set({ status: 'ready', snippet: { ...snippet, files }, error: null });
    },
    cancel() {
      run++;
    },
  };
}
