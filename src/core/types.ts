/** A variable value: `data-*` attributes give strings, `config.json` may give numbers or booleans. */
export type SnippetValue = string | number | boolean;

export type SnippetValues = Record<string, SnippetValue>;

/** `shared/snippets/<group>/<name>/config.json`. */
export interface SnippetConfig {
  title: string;
  /**
   * What the sample does and what it prints or saves, in one or two plain sentences (required
   * by config.schema.json): the summary of its Markdown page. The widget does not show it.
   */
  description?: string;
  /** An http(s) link to the docs page; anything else is dropped. */
  docs?: string;
  /** Tab order, by template file base name (`py`, `js`, `sh` …). */
  languages?: string[];
  /** A default for every variable the templates use. */
  payload: SnippetValues;
  /** One short phrase per payload key saying what it is, for the variables table of its Markdown page. */
  variables?: Readonly<Record<string, string>>;
  /** Variables shown masked on screen and kept out of storage, events and messages. */
  secrets?: string[];
  /** The HTTP method of the API operation the snippet demonstrates, e.g. `POST`. */
  method?: string;
  /** That operation's path from the API origin, version prefix included, e.g. `/v1/chat/completions`. */
  path?: string;
  /** Other operations the snippet calls (a polling snippet's fetch). */
  alsoCalls?: { method: string; path: string }[];
}

/** A precompiled Handlebars template spec, as the build emits it. */
export type TemplateSpec = object;

/**
 * A run of code with its colour: an index into the build's palette of (light, dark) pairs
 * (see formats/token-colors.ts) and Shiki's font-style flags (1 italic, 2 bold, 4 underline).
 */
export interface Token {
  text: string;
  color?: number;
  fontStyle?: number;
}

/** Highlighted code: per line, its tokens. Their text joined with newlines is the code. */
export type TokenLines = Token[][];

/** Where a file's colours stand: made (`highlighted`), on their way (`pending`), or none to come (`plain`). */
export type HighlightState = 'highlighted' | 'pending' | 'plain';

/** One language tab of a prepared snippet. */
export interface SnippetFile {
  lang: string;
  label: string;
  /** The program as copied: every value in full. */
  code: string;
  /** The program as shown: secrets masked. Equal to `code` when there is nothing to mask. */
  displayCode: string;
  /** `displayCode` highlighted, once it is; null before and for languages without a grammar. */
  tokens: TokenLines | null;
  highlight: HighlightState;
}

/** A snippet as every painter takes it: rendered with its values, each file highlighted as far as it is. */
export interface PreparedSnippet {
  name: string;
  title: string;
  docs: string | null;
  files: readonly SnippetFile[];
}

/** How a viewer is coloured: a page's explicit choice, or `auto` (`prefers-color-scheme`). */
export type Theme = 'light' | 'dark' | 'auto';
