import type { PrebuiltHighlights } from '../highlight/prebuilt-tokens';

/** A variable value: `data-*` attributes give strings, `config.json` may give numbers or booleans. */
export type SnippetValue = string | number | boolean;

export type SnippetValues = Record<string, SnippetValue>;

/** `shared/snippets/<group>/<name>/config.json`. */
export interface SnippetConfig {
  title: string;
  /** An http(s) link to the docs page; anything else is dropped. */
  docs?: string;
  /** Tab order, by template file base name (`py`, `js`, `sh` …). */
  languages?: string[];
  /** A default for every variable the templates use. */
  payload: SnippetValues;
  /** Variables shown masked on screen and kept out of storage, events and messages. */
  secrets?: string[];
}

/** A precompiled Handlebars template spec, as the build emits it. */
export type TemplateSpec = object;

/** One snippet folder, as its lazily loaded chunk exports it. */
export interface SnippetTemplate {
  id: string;
  config: SnippetConfig;
  templates: Record<string, TemplateSpec>;
  /** Its default rendering's tokens, made by the build; null if that rendering failed. */
  highlights?: PrebuiltHighlights | null;
}

/** One language tab of a rendered snippet. */
export interface RenderedFile {
  lang: string;
  label: string;
  /** The program as copied: every value in full. */
  code: string;
  /** The program as shown: secrets masked. Equal to `code` when there is nothing to mask. */
  displayCode: string;
  /** `displayCode` highlighted from the build's tokens, when they apply; else Shiki does it at run time. */
  tokens: CodeLines | null;
}

export interface RenderedSnippet {
  id: string;
  title: string;
  docs: string | null;
  files: RenderedFile[];
}

/** A run of text with its colour in each theme; Shiki's font-style flags (1 italic, 2 bold, 4 underline). */
export interface CodeToken {
  text: string;
  light?: string;
  dark?: string;
  fontStyle?: number;
}

/** Highlighted code: per line, its tokens. */
export type CodeLines = CodeToken[][];
