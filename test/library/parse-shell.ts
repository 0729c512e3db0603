import { spawnSync } from 'node:child_process';
import { jsonStrings, type ParsedProgram } from './parsed-program';

export interface Heredoc {
  delimiter: string;
  /** `<<'JSON'`: the body is taken as is. Unquoted, the shell would expand `$(…)` in it. */
  quoted: boolean;
  body: string;
}

/**
 * Splits a shell script into words the way bash would decode them (quotes removed, escapes
 * applied) and collects here-document bodies. Enough of bash's grammar for curl samples;
 * `bash -n` remains the judge of syntax.
 */
export function scanShell(source: string): { words: string[]; heredocs: Heredoc[] } {
  const words: string[] = [];
  const heredocs: Heredoc[] = [];
  const pending: { delimiter: string; quoted: boolean; dash: boolean }[] = [];
  let word: string | null = null;
  const end = () => {
    if (word !== null) words.push(word);
    word = null;
  };
  const add = (text: string) => {
    word = (word ?? '') + text;
  };

  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\n') {
      end();
      i++;
      for (const doc of pending.splice(0)) {
        const lines: string[] = [];
        while (i < source.length) {
          const next = source.indexOf('\n', i);
          const line = source.slice(i, next === -1 ? source.length : next);
          i = next === -1 ? source.length : next + 1;
          if ((doc.dash ? line.replace(/^\t+/, '') : line) === doc.delimiter) break;
          lines.push(line);
        }
        heredocs.push({ delimiter: doc.delimiter, quoted: doc.quoted, body: lines.join('\n') });
      }
    } else if (c === ' ' || c === '\t') {
      end();
      i++;
    } else if (c === '#' && word === null) {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '\\') {
      if (source[i + 1] !== '\n') add(source[i + 1] ?? '');
      i += 2;
    } else if (c === "'") {
      const close = source.indexOf("'", i + 1);
      add(source.slice(i + 1, close === -1 ? source.length : close));
      i = close === -1 ? source.length : close + 1;
    } else if (c === '"') {
      i++;
      let text = '';
      while (i < source.length && source[i] !== '"') {
        if (source[i] === '\\' && '$`"\\\n'.includes(source[i + 1] ?? '')) {
          if (source[i + 1] !== '\n') text += source[i + 1];
          i += 2;
        } else text += source[i++];
      }
      add(text);
      i++;
    } else if (source.startsWith('<<<', i)) {
      // A here-string (`jq … <<<"$answer"`): its word follows, as after any other redirection.
      end();
      i += 3;
    } else if (source.startsWith('<<', i)) {
      end();
      i += 2;
      const dash = source[i] === '-';
      if (dash) i++;
      while (source[i] === ' ') i++;
      const match = /^(?:'([^']*)'|"([^"]*)"|([A-Za-z_][A-Za-z0-9_]*))/.exec(source.slice(i)) ?? ['', '', '', ''];
      pending.push({ delimiter: match[1] ?? match[2] ?? match[3] ?? '', quoted: match[3] === undefined, dash });
      i += match[0].length;
    } else if ('|&;()<>'.includes(c)) {
      end();
      i++;
    } else {
      add(c);
      i++;
    }
  }
  end();
  return { words, heredocs };
}

/** Checks a shell script with `bash -n` and reads its words and JSON request bodies. */
export function parseShell(source: string): ParsedProgram {
  const result = spawnSync('bash', ['-n'], { input: source, encoding: 'utf8' });
  if (result.error) return { error: `bash could not run: ${result.error.message}`, strings: [], lint: [] };
  // bash -n exits 0 on some mistakes (an unterminated here-document) but warns: both count.
  const complaint = result.stderr.trim();
  if (result.status !== 0 || complaint) return { error: complaint || `bash -n exited with ${result.status}`, strings: [], lint: [] };

  const { words, heredocs } = scanShell(source);
  // An assignment word (`url='https://…'`) holds its value as a string of its own, as a
  // Python or JavaScript constant does: the checks look values up whole.
  const strings = words.flatMap((word) => {
    const assigned = /^[A-Za-z_][A-Za-z0-9_]*=/.exec(word);
    return assigned ? [word, word.slice(assigned[0].length)] : [word];
  });
  for (const doc of heredocs) {
    if (!doc.quoted) return { error: `here-document <<${doc.delimiter} is unquoted, so the shell expands $(…) in it: write <<'${doc.delimiter}'`, strings, lint: [] };
    if (!/^\s*[[{]/.test(doc.body)) continue;
    try {
      jsonStrings(JSON.parse(doc.body), strings);
    } catch (error) {
      return { error: `here-document <<'${doc.delimiter}' is not valid JSON: ${(error as Error).message}`, strings, lint: [] };
    }
  }
  return { strings, lint: [] };
}
