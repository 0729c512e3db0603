import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanLibrary, type LibraryEntry } from '../../build/read-library.ts';
import { checkNames, findIdCollisions } from './check-names';
import { checkOperation, type OperationConfig } from './check-operation';
import { checkSnippet, type PendingProgram } from './check-snippet';
import { parsePrograms } from './parse-programs';
import type { ParsedProgram } from './parsed-program';
import { displayPath, type Problem } from './problem';
import type { JsonSchema } from './validate-json-schema';

export type { Problem } from './problem';

export interface CheckedProgram extends PendingProgram {
  parsed: ParsedProgram;
}

export interface LibraryCheck {
  problems: Problem[];
  /** Every program the check rendered and parsed, for tests that compare them with the build's. */
  programs: CheckedProgram[];
}

export interface CheckOptions {
  /** Defaults to the library's own `config.schema.json`. */
  schemaPath?: string;
  /** Defaults to `scanLibrary(root)`; tests pass their own to reach cases a file system cannot hold. */
  entries?: LibraryEntry[];
}

// Parsers judge syntax, so name the language rather than the tab ("cURL").
const SYNTAX_NAMES: Record<string, string> = { py: 'Python', js: 'JavaScript', ts: 'TypeScript', sh: 'a shell script', json: 'JSON' };

const VARIANT_WORDS: Record<PendingProgram['variant'], string> = {
  defaults: 'with its defaults',
  hostile: 'with a hostile value in every string variable',
  alternate: 'with other valid numbers and booleans',
};

/**
 * Checks the whole template library: layout and names, every config against the schema,
 * every template's variables against its payload, and every rendered program (defaults,
 * hostile values, alternate numbers) parsed in its own language.
 */
export function checkLibrary(root: string, options: CheckOptions = {}): LibraryCheck {
  const entries = options.entries ?? scanLibrary(root);
  const schemaPath = options.schemaPath ?? join(root, 'config.schema.json');
  const problems: Problem[] = [...checkNames(root), ...findIdCollisions(entries)];
  if (!existsSync(schemaPath)) {
    problems.push({ file: displayPath(schemaPath), reason: 'the config schema is missing' });
    return { problems, programs: [] };
  }
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as JsonSchema;

  const pending: PendingProgram[] = [];
  const configs = new Map<string, { file: string; config: OperationConfig }>();
  for (const entry of entries) {
    const result = checkSnippet(entry, schema);
    problems.push(...result.problems);
    pending.push(...result.programs);
    if (result.config) configs.set(entry.id, { file: displayPath(entry.configPath), config: result.config as unknown as OperationConfig });
  }

  const parsed = parsePrograms(pending);
  const programs = pending.map((program, i) => ({ ...program, parsed: parsed[i]! }));
  for (const program of programs) problems.push(...judgeProgram(program));
  for (const [id, { file, config }] of configs) {
    // Only programs that parse: one that does not is reported already, and has no literals to read.
    const defaults = programs.filter((p) => p.id === id && p.variant === 'defaults' && !p.parsed.error);
    problems.push(...checkOperation(file, config, defaults.map((p) => ({ file: p.file, source: p.source, strings: p.parsed.strings }))));
  }
  return { problems: dedupe(problems), programs };
}

/** What is wrong with one parsed program. */
function judgeProgram(program: CheckedProgram): Problem[] {
  const { file, parsed, variant } = program;
  const when = VARIANT_WORDS[variant];
  if (parsed.error) return [{ file, reason: `${when}, the output does not parse as ${SYNTAX_NAMES[program.lang] ?? program.lang}: ${parsed.error}` }];
  const problems: Problem[] = [];
  for (const { key, value } of program.intact) {
    if (!parsed.strings.some((literal) => literal.includes(value))) {
      problems.push({ file, reason: `${when}, the value of "${key}" does not come back intact from any string literal: it is escaped wrongly or lands outside a literal` });
    }
  }
  for (const { key, text } of program.literals) {
    if (!program.source.includes(text)) problems.push({ file, reason: `${when}, "${key}" = ${text} does not appear in the output` });
  }
  if (variant === 'defaults') parsed.lint.forEach((reason) => problems.push({ file, reason }));
  return problems;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}\n${p.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
