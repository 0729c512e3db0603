import { mapPropertyEscapes, type AsciiClasses } from '../src/highlight/ascii-pattern.ts';

const hex = (code: number) => `\\x${code.toString(16).padStart(2, '0')}`;

/** Character codes as a class body of `\xHH` ranges: no character needs escaping that way. */
function classBody(codes: number[]): string {
  let body = '';
  for (let i = 0; i < codes.length; i++) {
    let end = i;
    while (end + 1 < codes.length && codes[end + 1] === codes[end]! + 1) end++;
    body += end === i ? hex(codes[i]!) : `${hex(codes[i]!)}-${hex(codes[end]!)}`;
    i = end;
  }
  return body;
}

/**
 * For every Unicode property the patterns use, the class of its ASCII members, found by
 * testing each ASCII character against the property itself (see src/highlight/ascii-pattern.ts).
 * Properties of strings (such as emoji sequences) have no single-character class: left out.
 */
export function asciiClasses(patterns: readonly string[]): AsciiClasses {
  const names = new Set<string>();
  for (const pattern of patterns) mapPropertyEscapes(pattern, (_, name) => (names.add(name), null));
  const classes: Record<string, string> = {};
  for (const name of [...names].sort()) {
    let positive: RegExp;
    let negative: RegExp;
    try {
      positive = new RegExp(`^\\p{${name}}$`, 'v');
      negative = new RegExp(`^\\P{${name}}$`, 'v');
    } catch {
      continue;
    }
    const members: number[] = [];
    for (let code = 0; code < 128; code++) {
      const ch = String.fromCharCode(code);
      if (positive.test(ch) === negative.test(ch)) throw new Error(`\\p{${name}} and \\P{${name}} disagree on ${hex(code)}`);
      if (positive.test(ch)) members.push(code);
    }
    classes[name] = classBody(members);
  }
  return classes;
}
