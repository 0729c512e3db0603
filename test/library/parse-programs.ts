import { parseJavaScript } from './parse-javascript';
import { parsePython } from './parse-python';
import { parseShell } from './parse-shell';
import { parseTypeScript } from './parse-typescript';
import { jsonStrings, type ParsedProgram } from './parsed-program';

function parseJson(source: string): ParsedProgram {
  try {
    return { strings: jsonStrings(JSON.parse(source)), lint: [] };
  } catch (error) {
    return { error: (error as Error).message, strings: [], lint: [] };
  }
}

/** The parser of each template language; a language missing here cannot be checked, so the check rejects it. */
const PARSERS: Record<string, (source: string) => ParsedProgram> = {
  js: parseJavaScript,
  ts: parseTypeScript,
  sh: parseShell,
  json: parseJson,
};

/** Languages the check can parse. */
export const PARSED_LANGUAGES: readonly string[] = [...Object.keys(PARSERS), 'py'];

/** Parses each program in its language; Python ones go to a single python3 process. */
export function parsePrograms(programs: readonly { lang: string; source: string }[]): ParsedProgram[] {
  const python = programs.flatMap((program, index) => (program.lang === 'py' ? [index] : []));
  const pythonResults = parsePython(python.map((index) => programs[index]!.source));
  const results: ParsedProgram[] = programs.map((program) => {
    const parser = PARSERS[program.lang];
    if (program.lang === 'py') return { strings: [], lint: [] };
    return parser ? parser(program.source) : { error: `no parser for "${program.lang}"`, strings: [], lint: [] };
  });
  python.forEach((index, i) => {
    results[index] = pythonResults[i]!;
  });
  return results;
}
