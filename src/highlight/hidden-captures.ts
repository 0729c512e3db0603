/** The translator's options for a pattern JavaScript cannot express as it is (oniguruma-to-es's EmulatedRegExp). */
interface EmulationOptions {
  hiddenCaptures?: number[];
  lazyCompile?: boolean;
  [other: string]: unknown;
}

/**
 * A RegExp whose extra capture groups are taken out of its matches: how the translator
 * expresses Oniguruma's possessive quantifiers (`\s*+`), which Python's comment rule uses, so
 * every Python highlight meets one. Taking them out is all that EmulatedRegExp does for such
 * a pattern; having it here keeps the translator (19 KB gzip) out of the first highlight.
 */
export class HiddenCapturesRegExp extends RegExp {
  private readonly hidden: ReadonlySet<number>;

  constructor(pattern: string, flags: string, hidden: readonly number[]) {
    super(pattern, flags);
    this.hidden = new Set(hidden);
  }

  override exec(text: string): RegExpExecArray | null {
    const match = super.exec(text);
    if (!match) return match;
    const captures = [...match];
    const indices = match.indices ? [...match.indices] : null;
    match.length = 1;
    if (match.indices) match.indices.length = 1;
    for (let i = 1; i < captures.length; i++) {
      if (this.hidden.has(i)) continue;
      match.push(captures[i]!);
      match.indices?.push(indices![i]!);
    }
    return match;
  }
}

/** A RegExp for a translated pattern without the translator, where its options allow: hidden captures only. */
export function withoutTranslator(pattern: string, flags: string, options: object): RegExp | undefined {
  const { hiddenCaptures, lazyCompile, ...rest } = options as EmulationOptions;
  // lazyCompile only defers compiling, which the browser does lazily anyway.
  void lazyCompile;
  if (Object.keys(rest).length) return undefined;
  return hiddenCaptures?.length ? new HiddenCapturesRegExp(pattern, flags, hiddenCaptures) : new RegExp(pattern, flags);
}
