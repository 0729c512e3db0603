import { JavaScriptScanner } from '@shikijs/engine-javascript';
import { createJavaScriptRawEngine } from '@shikijs/engine-javascript/raw';
import type { RegexEngine, RegexEngineString } from '@shikijs/primitive';
import { isAscii } from './ascii-pattern';
import type { PrecompiledCache } from './precompiled-cache';
import { loadedTranslator, loadTranslator, markProvisional } from './translator-state';

/** A line as the scanner sees it, marked once when it is pure ASCII. */
type Line = RegexEngineString & { ascii?: boolean };
type Scanner = ReturnType<RegexEngine['createScanner']>;

/**
 * Shiki's JavaScript regex scanner over the build's precompiled patterns. One built from
 * matched text (a string's closing quote, a heredoc's end) is filled in from the build's
 * holed translations. Any other pattern the tables do not have, or one that needs emulation,
 * goes through the Oniguruma translator, which loads on first need; until it is in, the
 * pattern is tried as a JavaScript regex as it stands, provisionally.
 * Pure-ASCII lines are scanned with the patterns' ASCII variants (see ascii-pattern.ts).
 */
export function createPrecompiledEngine(cache: PrecompiledCache): RegexEngine {
  const { createString } = createJavaScriptRawEngine();
  const regexConstructor = (pattern: string): RegExp => {
    const holed = cache.fromHoled(pattern);
    if (holed) return holed;
    const translator = loadedTranslator();
    if (translator) return translator.defaultJavaScriptRegexConstructor(pattern);
    void loadTranslator().catch(() => undefined);
    try {
      return markProvisional(new RegExp(pattern, 'dgv'));
    } catch (error) {
      throw markProvisional(error as Error);
    }
  };
  return {
    createScanner(patterns): Scanner {
      // Each made on the first line that needs it: most code never needs the full one.
      let ascii: JavaScriptScanner | undefined;
      let full: JavaScriptScanner | undefined;
      return {
        findNextMatchSync(string, start, options) {
          const line = string as Line | string;
          const scanner =
            (typeof line === 'string' ? isAscii(line) : line.ascii)
              ? (ascii ??= new JavaScriptScanner(patterns, { cache: cache.ascii, forgiving: true, regexConstructor }))
              : (full ??= new JavaScriptScanner(patterns, { cache, forgiving: true, regexConstructor }));
          return scanner.findNextMatchSync(string, start, options);
        },
      };
    },
    createString: (content): Line => ({ ...createString(content), ascii: isAscii(content) }),
  };
}
