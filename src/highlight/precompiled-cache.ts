import { asciiPattern, type AsciiClasses } from './ascii-pattern';
import { fillHole, type HoledPattern } from './back-references';
import { withoutTranslator } from './hidden-captures';
import type { GrammarModule } from './grammars';
import { scannerSources } from './scanner-sources';
import { loadedTranslator, provisional } from './translator-state';

type Entry = RegExp | Error;
type Compiled = [pattern: string, flags: string, options?: object];

/**
 * The regex engine's cache, seeded with the build's translations: a pattern the build
 * translated becomes a RegExp on first use without running the Oniguruma translator; any
 * other pattern (or every pattern, where the browser lacks the RegExp `v` flag the table
 * was made for) is translated by the engine's translator.
 */
export class PrecompiledCache extends Map<string, Entry> {
  private readonly table = new Map<string, 1 | [string, string?, object?]>();
  private readonly classes: Record<string, string> = {};
  private readonly holed: HoledPattern[] = [];
  /** False where the browser lacks the RegExp `v` flag the tables were made for. */
  readonly usable = supportsUnicodeSets();
  /** The same patterns in their variants for pure-ASCII lines (see ascii-pattern.ts). */
  readonly ascii: Map<string, Entry> = new AsciiVariants(this, this.classes);

  /** Adds a grammar chunk's translations. */
  addGrammar(module: GrammarModule): void {
    if (!this.usable) return;
    Object.assign(this.classes, module.ascii);
    this.holed.push(...module.holed);
    const sources = scannerSources(module.default);
    sources.forEach((source, i) => {
      const compiled = module.compiled[i];
      if (compiled) this.table.set(source, compiled);
    });
  }

  /** A pattern's build-time translation, if the table has one. */
  compiled(source: string): Compiled | undefined {
    const entry = this.table.get(source);
    if (!entry) return undefined;
    const [pattern, flags = 'dgv', options] = entry === 1 ? [source] : entry;
    return [pattern, flags, options];
  }

  /**
   * A pattern vscode-textmate built from matched text, from the build's holed translations;
   * undefined when none fits (or it needs emulation and the translator is not in yet).
   */
  fromHoled(pattern: string): RegExp | undefined {
    if (!this.usable) return undefined;
    const filled = fillHole(this.holed, pattern);
    if (!filled) return undefined;
    try {
      return construct(filled.source, filled.flags, filled.options);
    } catch {
      return undefined;
    }
  }

  // A pattern compiled provisionally (before the translator loaded) is not kept: its next use
  // gets the real translation.
  override set(source: string, entry: Entry): this {
    return provisional.has(entry) ? this : super.set(source, entry);
  }

  override get(source: string): Entry | undefined {
    const found = super.get(source);
    if (found) return found;
    const compiled = this.compiled(source);
    if (!compiled) return undefined;
    const [pattern, flags, options] = compiled;
    try {
      const regex = construct(pattern, flags, options);
      if (regex) super.set(source, regex);
      return regex;
    } catch {
      return undefined;
    }
  }
}

/**
 * The cache for scanning pure-ASCII lines: a pattern's ASCII variant where it has one, else
 * the very RegExp the full cache has. What the scanner adds goes to the full cache.
 */
class AsciiVariants extends Map<string, Entry> {
  private readonly variants = new Map<string, RegExp>();

  constructor(
    private readonly full: PrecompiledCache,
    private readonly classes: AsciiClasses,
  ) {
    super();
  }

  override get(source: string): Entry | undefined {
    const found = this.variants.get(source);
    if (found) return found;
    const compiled = this.full.compiled(source);
    const variant = compiled && !compiled[2] ? asciiPattern(compiled[0], compiled[1], this.classes) : null;
    if (variant === null) return this.full.get(source);
    try {
      const regex = new RegExp(variant, compiled![1]);
      this.variants.set(source, regex);
      return regex;
    } catch {
      return this.full.get(source);
    }
  }

  override set(source: string, entry: Entry): this {
    this.full.set(source, entry);
    return this;
  }
}

/**
 * A translated pattern as a RegExp. One that needs emulation beyond hidden captures waits for
 * the translator's EmulatedRegExp (undefined until it is in): the library behind it is most
 * of the translator's bytes, which the first highlight does without.
 */
function construct(pattern: string, flags: string, options: object | undefined): RegExp | undefined {
  if (!options) return new RegExp(pattern, flags);
  const Emulated = loadedTranslator()?.EmulatedRegExp;
  return Emulated ? new Emulated(pattern, flags, options) : withoutTranslator(pattern, flags, options);
}

function supportsUnicodeSets(): boolean {
  try {
    new RegExp('[\\p{L}--[a-z]]', 'v');
    return true;
  } catch {
    return false;
  }
}
