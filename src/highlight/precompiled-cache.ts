import { asciiPattern, type AsciiClasses } from './ascii-pattern';
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
  /** False where the browser lacks the RegExp `v` flag the tables were made for. */
  readonly usable = supportsUnicodeSets();
  /** The same patterns in their variants for pure-ASCII lines (see ascii-pattern.ts). */
  readonly ascii: Map<string, Entry> = new AsciiVariants(this, this.classes);

  /** Adds a grammar chunk's translations. */
  addGrammar(module: GrammarModule): void {
    if (!this.usable) return;
    Object.assign(this.classes, module.ascii);
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
    // The few patterns that need emulation wait for the translator's EmulatedRegExp.
    const Emulated = options ? loadedTranslator()?.EmulatedRegExp : undefined;
    if (options && !Emulated) return undefined;
    try {
      const regex = Emulated ? new Emulated(pattern, flags, options) : new RegExp(pattern, flags);
      super.set(source, regex);
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

function supportsUnicodeSets(): boolean {
  try {
    new RegExp('[\\p{L}--[a-z]]', 'v');
    return true;
  } catch {
    return false;
  }
}
