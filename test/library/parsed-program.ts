/** What a language's parser reports about one rendered program. */
export interface ParsedProgram {
  /** Why the program does not parse; absent when it does. */
  error?: string;
  /** Every string literal's value, decoded: the check finds the variables' values in them. */
  strings: string[];
  /** Defects that parse but make a poor sample: unused imports, main() never called … */
  lint: string[];
}

/** Collects every string in a JSON value, keys included. */
export function jsonStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((item) => jsonStrings(item, out));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      jsonStrings(item, out);
    }
  }
  return out;
}
