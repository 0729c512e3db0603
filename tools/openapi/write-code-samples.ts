import { isDeepStrictEqual } from 'node:util';
import YAML, { isMap, isScalar, type Pair, type YAMLMap } from 'yaml';
import type { CodeSampleEntry } from './code-sample-entries.ts';

export type SpecFormat = 'yaml' | 'json';

/** The code samples to set on one operation. */
export interface CodeSamplesEdit {
  path: string;
  method: string;
  samples: CodeSampleEntry[];
}

const KEY = 'x-codeSamples';

/** `.json` files stay JSON; anything else is read as YAML (which JSON also is). */
export function specFormat(fileName: string): SpecFormat {
  return /\.json$/i.test(fileName) ? 'json' : 'yaml';
}

/** Parses a spec; a syntax error names the line and column. */
export function parseSpec(text: string, format: SpecFormat): unknown {
  if (format === 'json') {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new Error(`The spec is not valid JSON: ${(error as Error).message}`, { cause: error });
    }
  }
  const doc = YAML.parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`The spec is not valid YAML: ${doc.errors[0]!.message}`);
  return doc.toJS();
}

/**
 * Sets `x-codeSamples` on the given operations, replacing any there. YAML is edited in
 * place: the new lines are spliced into the original text at the operation's indentation,
 * so every other byte (comments, quoting, key order, odd indentation) stays as it was.
 * JSON is re-serialized with the file's own indentation.
 */
export function writeCodeSamples(text: string, format: SpecFormat, edits: readonly CodeSamplesEdit[]): string {
  const expected = structuredClone(parseSpec(text, format)) as { paths: Record<string, Record<string, Record<string, unknown>>> };
  for (const edit of edits) expected.paths[edit.path]![edit.method]![KEY] = edit.samples;
  if (format === 'json') {
    const indent = /^[{[]\r?\n([ \t]+)/.exec(text)?.[1] ?? 2;
    return `${JSON.stringify(expected, null, indent)}${/\n$/.test(text) ? '\n' : ''}`;
  }
  const output = spliceYaml(text, edits);
  // The splice works on text: prove it changed exactly what it meant to, and nothing else.
  if (!isDeepStrictEqual(parseSpec(output, 'yaml'), expected)) {
    throw new Error('Internal error: the edited spec does not read back as the original plus the code samples. Please report it with the spec.');
  }
  return output;
}

function spliceYaml(text: string, edits: readonly CodeSamplesEdit[]): string {
  const doc = YAML.parseDocument(text);
  const splices = edits.map((edit) => {
    const node = doc.getIn(['paths', edit.path, edit.method], true);
    const where = `paths["${edit.path}"].${edit.method}`;
    if (!isMap(node) || node.items.length === 0 || !node.range) throw new Error(`${where} is not a mapping in the spec, so code samples cannot be added to it.`);
    if (node.flow) throw new Error(`${where} is written in flow style ({ … }); write it as a block mapping (one key per line) to add code samples.`);
    const map = node as YAMLMap;
    const firstKey = map.items[0]!.key as { range?: [number, number, number] } | null;
    const keyStart = firstKey?.range?.[0] ?? map.range![0];
    const column = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
    const block = indentLines(YAML.stringify({ [KEY]: edit.samples }, { indent: 2, lineWidth: 0, blockQuote: 'literal' }), column);
    const existing = map.items.find((pair: Pair) => isScalar(pair.key) && pair.key.value === KEY);
    if (existing) {
      const start = (existing.key as { range: [number, number, number] }).range[0] - column;
      const end = (existing.value as { range?: [number, number, number] } | null)?.range?.[1] ?? start;
      return { start, end, insert: block };
    }
    const end = map.range![1];
    return { start: end, end, insert: text[end - 1] === '\n' ? block : `\n${block}` };
  });
  let output = text;
  for (const { start, end, insert } of splices.sort((a, b) => b.start - a.start)) output = output.slice(0, start) + insert + output.slice(end);
  return output;
}

/** Indents every non-empty line: lines of a literal block that are empty stay empty (no trailing spaces). */
const indentLines = (block: string, column: number) =>
  block.replace(/^(?=[^\n])/gm, ' '.repeat(column));
