import type { GrammarModule } from './grammars';
import { loadedTranslator, provisional } from './translator-state';
import { scannerSources } from './scanner-sources';

type Entry = RegExp | Error;

/**
 * The regex engine's cache, seeded with the build's translations: a pattern the build
 * translated becomes a RegExp on first use without running the Oniguruma translator; any
 * other pattern (or every pattern, where the browser lacks the RegExp `v` flag the table
 * was made for) is translated by the engine's translator.
 */
export class PrecompiledCache extends Map<string, Entry> {
  private readonly table = new Map<string, 1 | [string, string?, object?]>();
  /** False where the browser lacks the RegExp `v` flag the tables were made for. */
  readonly usable = supportsUnicodeSets();

  /** Adds a grammar chunk's translations. */
  addGrammar(module: GrammarModule): void {
    if (!this.usable) return;
    const sources = scannerSources(module.default);
    sources.forEach((source, i) => {
      const compiled = module.compiled[i];
      if (compiled) this.table.set(source, compiled);
    });
  }

  // A pattern compiled provisionally (before the translator loaded) is not kept: its next use
  // gets the real translation.
  override set(source: string, entry: Entry): this {
    return provisional.has(entry) ? this : super.set(source, entry);
  }

  override get(source: string): Entry | undefined {
    const found = super.get(source);
    if (found) return found;
    const compiled = this.table.get(source);
    if (!compiled) return undefined;
    const [pattern, flags = 'dgv', options] = compiled === 1 ? [source] : compiled;
    // The few patterns that need emulation wait for the translator's EmulatedRegExp.
    const Emulated = options ? loadedTranslator()?.EmulatedRegExp : undefined;
    if (options && !Emulated) return undefined;
    this.table.delete(source);
    try {
      const regex = Emulated ? new Emulated(pattern, flags, options) : new RegExp(pattern, flags);
      super.set(source, regex);
      return regex;
    } catch {
      return undefined;
    }
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
