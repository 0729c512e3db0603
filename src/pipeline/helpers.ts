import type { HelperOptions } from 'handlebars';

/**
 * Handlebars helpers for code templates. Every value that lands inside a literal goes
 * through one of them, so quotes, backslashes, newlines, backticks and `${…}` in a value
 * can never break the generated program; the value survives intact.
 *
 * The template's language comes from `@lang` (render data), so `{{str model}}` is right
 * in `py.hbs`, `js.hbs` and `sh.hbs` alike.
 */
type Literal = string | number | boolean | null | undefined;

const languageOf = (options: HelperOptions): string => (options.data as { lang?: string } | undefined)?.lang ?? 'js';

/** A single-quoted shell word: nothing inside single quotes is special but the quote itself. */
export const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** A double-quoted string literal that is valid JSON, JavaScript, TypeScript and Python. */
export const jsonString = (text: string): string =>
  // U+2028/2029 are legal in JSON and ES2019+, escaped anyway for older parsers and editors.
  JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** A string literal for `lang`. */
export function stringLiteral(value: Literal, lang: string): string {
  const text = value === null || value === undefined ? '' : String(value);
  return lang === 'sh' ? shellQuote(text) : jsonString(text);
}

/** A literal of the value's own type for `lang`: numbers stay numbers, booleans become `True`/`true`. */
export function valueLiteral(value: Literal, lang: string): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return lang === 'py' ? (value ? 'True' : 'False') : String(value);
  if (value === null) return lang === 'py' ? 'None' : 'null';
  return stringLiteral(value, lang);
}

/** A JSON value, for request bodies (e.g. a curl heredoc) whatever the template language. */
export function jsonLiteral(value: Literal): string {
  if (typeof value === 'string') return jsonString(value);
  return JSON.stringify(value ?? null);
}

type Located = HelperOptions & { name?: string; loc?: { start?: { line?: number; column?: number } } };

/**
 * Splits a helper call into its values and options. Strict mode throws for a missing
 * `{{model}}` but passes a missing helper argument as undefined; this makes both fail alike,
 * so a variable with no default can never render as an empty string.
 */
const lastArgs = (args: unknown[]): { values: unknown[]; options: HelperOptions } => {
  const options = args[args.length - 1] as Located;
  const values = args.slice(0, -1);
  if (values.some((value) => value === undefined)) {
    const where = options.loc?.start ? ` at line ${options.loc.start.line}, column ${(options.loc.start.column ?? 0) + 1}` : '';
    throw new Error(`{{${options.name ?? 'helper'}}}${where} was given a variable with no value: add it to "payload" in config.json`);
  }
  return { values, options };
};

/** A helper argument as text: null and undefined are empty (lastArgs has refused undefined already). */
const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

// A loop, not /\/+$/: that regex takes quadratic time on a long run of "/" that does not end the
// text, and a page (or an embed link) chooses the value.
const withoutTrailingSlashes = (url: string): string => {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end--;
  return url.slice(0, end);
};

/** The helpers every template gets; see docs/authoring.md. */
export const helpers: Record<string, (...args: never[]) => string> = {
  /** `{{str value}}`: the value as a string literal of the template's language. */
  str: (...args: unknown[]) => {
    const { values, options } = lastArgs(args);
    return stringLiteral(values[0] as Literal, languageOf(options));
  },
  /** `{{lit value}}`: a literal of the value's own type (number, boolean, string). */
  lit: (...args: unknown[]) => {
    const { values, options } = lastArgs(args);
    return valueLiteral(values[0] as Literal, languageOf(options));
  },
  /** `{{json value}}`: a JSON literal, for JSON request bodies. */
  json: (...args: unknown[]) => jsonLiteral(lastArgs(args).values[0] as Literal),
  /** `{{concat a b …}}`: joins its arguments, for use as a subexpression: `{{str (concat "Bearer " apiKey)}}`. */
  concat: (...args: unknown[]) => lastArgs(args).values.map(text).join(''),
  /** `{{url base path …}}`: joined at render time, one "/" at each seam, so no sample has to undo a page's trailing-slash base URL. */
  url: (...args: unknown[]) => {
    const parts = lastArgs(args).values.map(text);
    if (parts.length < 2) throw new Error('{{url}} needs a base URL and a path: {{str (url baseUrl "/chat/completions")}}');
    return parts.reduce((joined, part) => `${withoutTrailingSlashes(joined)}/${part.replace(/^\/+/, '')}`);
  },
};
