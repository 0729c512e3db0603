import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedProgram } from './parsed-program';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'python-inspect.py');

interface Inspection {
  error?: string;
  strings?: string[];
  unusedImports?: string[];
  callsMain?: boolean;
}

/** Parses many Python programs with one python3 process (`ast.parse` + `compile`). */
export function parsePython(sources: readonly string[]): ParsedProgram[] {
  if (sources.length === 0) return [];
  const result = spawnSync('python3', [SCRIPT], { input: JSON.stringify(sources), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error || result.status !== 0) {
    const reason = result.error ? result.error.message : result.stderr.trim();
    return sources.map(() => ({ error: `python3 could not check it: ${reason}`, strings: [], lint: [] }));
  }
  return (JSON.parse(result.stdout) as Inspection[]).map((inspection) => ({
    ...(inspection.error ? { error: inspection.error } : {}),
    strings: inspection.strings ?? [],
    lint: inspection.error
      ? []
      : [
          ...(inspection.unusedImports ?? []).map((name) => `imports "${name}" but never uses it`),
          ...(inspection.callsMain ? [] : ['never calls main()']),
        ],
  }));
}
