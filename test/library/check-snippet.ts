import { readFileSync } from 'node:fs';
import type { LibraryEntry } from '../../build/read-library.ts';
import { LANGUAGES } from '../../src/core/languages.ts';
import { resolveValues } from '../../src/core/resolve-values.ts';
import { SnippetError } from '../../src/core/snippet-error.ts';
import type { SnippetConfig, SnippetValue, SnippetValues } from '../../src/core/types.ts';
import { checkVariables, explainProseError } from './check-prose';
import { compileTemplate, helperNames, type RenderFunction } from './compile-template';
import { alternateValue, badValue, hostileValue, literalText } from './hostile-values';
import { PARSED_LANGUAGES } from './parse-programs';
import { displayPath, type Problem } from './problem';
import { templateUsage } from './template-usage';
import { validateJsonSchema, type JsonSchema } from './validate-json-schema';

/** A rendered program waiting to be parsed, with what must be found in it. */
export interface PendingProgram {
  id: string;
  lang: string;
  file: string;
  /** defaults: config.json as is; hostile: every string variable hostile; alternate: other valid numbers/booleans. */
  variant: 'defaults' | 'hostile' | 'alternate';
  values: SnippetValues;
  source: string;
  /** Values that must come back whole from some string literal of the parsed program. */
  intact: { key: string; value: string }[];
  /** Text that must appear in the program: numbers and booleans as the language spells them. */
  literals: { key: string; text: string }[];
}

interface Template {
  lang: string;
  file: string;
  render: RenderFunction;
  variables: Set<string>;
  printed: Set<string>;
}

// Keys that hold credentials: they must be masked on screen.
const SECRET_NAME = /(?:key|secret|password|accessToken|authToken)$/i;

/** Checks one snippet folder's config and templates, and renders its programs for parsing. */
export function checkSnippet(entry: LibraryEntry, schema: JsonSchema): { problems: Problem[]; programs: PendingProgram[]; config?: SnippetConfig } {
  const problems: Problem[] = [];
  const configFile = displayPath(entry.configPath);
  const report = (file: string, reason: string) => problems.push({ file, reason });

  let config: SnippetConfig;
  try {
    config = JSON.parse(readFileSync(entry.configPath, 'utf8')) as SnippetConfig;
  } catch (error) {
    report(configFile, `is not valid JSON: ${(error as Error).message}`);
    return { problems, programs: [] };
  }
  for (const error of validateJsonSchema(schema, config)) report(configFile, explainProseError(config, error) ?? `does not match config.schema.json: ${error}`);
  if (typeof config !== 'object' || config === null || typeof config.payload !== 'object' || config.payload === null) {
    return { problems, programs: [] };
  }
  const payload = config.payload;
  checkVariables(entry.id, payload, config.variables).forEach((reason) => report(configFile, reason));
  const langs = entry.templates.map((t) => t.lang);
  if (langs.length === 0) report(displayPath(entry.dir), 'has no <lang>.hbs template');
  for (const key of config.secrets ?? []) {
    if (typeof payload[key] !== 'string') report(configFile, `secret "${key}" has no string default in payload`);
  }
  for (const key of Object.keys(payload)) {
    if (SECRET_NAME.test(key) && !(config.secrets ?? []).includes(key)) report(configFile, `payload.${key} looks like a credential: list it in "secrets"`);
  }
  for (const lang of config.languages ?? []) {
    if (!langs.includes(lang)) report(configFile, `"languages" names "${lang}", but there is no ${lang}.hbs`);
  }

  const templates: Template[] = [];
  for (const { lang, path } of entry.templates) {
    const file = displayPath(path);
    const info = LANGUAGES[lang];
    if (!info?.label || !info.grammar) report(file, `"${lang}" is not a language the widget knows (no tab label or grammar in LANGUAGES)`);
    else if (!PARSED_LANGUAGES.includes(lang)) report(file, `the check has no parser for "${lang}"`);
    const source = readFileSync(path, 'utf8');
    try {
      const usage = templateUsage(source, helperNames);
      usage.unsafe.forEach((reason) => report(file, reason));
      for (const name of usage.variables) {
        if (!(name in payload)) report(file, `uses "${name}", which has no default in config.json payload`);
      }
      templates.push({ lang, file, render: compileTemplate(source, lang), variables: usage.variables, printed: usage.printed });
    } catch (error) {
      report(file, `is not a valid Handlebars template: ${(error as Error).message}`);
    }
  }
  if (templates.length === entry.templates.length) {
    for (const key of Object.keys(payload)) {
      if (!templates.some((t) => t.variables.has(key))) report(configFile, `payload.${key} is used by no template`);
    }
  }

  const programs: PendingProgram[] = [];
  const render = (variant: PendingProgram['variant'], layer: Record<string, SnippetValue>, expect: (t: Template) => Pick<PendingProgram, 'intact' | 'literals'>) => {
    const values = resolveValues(entry.id, config, { source: 'attribute', values: layer });
    for (const template of templates) {
      try {
        programs.push({ id: entry.id, lang: template.lang, file: template.file, variant, values, source: template.render(values), ...expect(template) });
      } catch (error) {
        report(template.file, `does not render with ${variant === 'defaults' ? 'its defaults' : `${variant} values`}: ${(error as Error).message}`);
      }
    }
  };

  render('defaults', {}, () => ({ intact: [], literals: [] }));

  const strings = Object.keys(payload).filter((key) => typeof payload[key] === 'string');
  const hostile = Object.fromEntries(strings.map((key) => [key, hostileValue(key)]));
  render('hostile', hostile, (t) => ({ intact: strings.filter((key) => t.printed.has(key)).map((key) => ({ key, value: hostile[key]! })), literals: [] }));

  const typed = Object.entries(payload).filter((pair): pair is [string, number | boolean] => typeof pair[1] !== 'string');
  for (const [key, fallback] of typed) {
    const bad = badValue(fallback);
    try {
      resolveValues(entry.id, config, { source: 'attribute', values: { [key]: bad } });
      report(configFile, `payload.${key} is a ${typeof fallback}, yet the value ${JSON.stringify(bad)} was accepted`);
    } catch (error) {
      if (!(error instanceof SnippetError && error.code === 'bad-value')) report(configFile, `payload.${key}: a bad value threw ${String(error)} instead of a bad-value SnippetError`);
    }
  }
  if (typed.length > 0) {
    const alternates = Object.fromEntries(typed.map(([key, fallback]) => [key, alternateValue(fallback)]));
    render('alternate', alternates, (t) => ({
      intact: [],
      literals: typed
        .filter(([key]) => t.printed.has(key))
        .map(([key, fallback]) => ({ key, text: literalText(typeof fallback === 'boolean' ? !fallback : Number(alternates[key]), t.lang) })),
    }));
  }
  return { problems, programs, config };
}
