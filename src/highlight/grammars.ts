import type { LanguageRegistration } from '@shikijs/primitive';
import type { LanguageInfo } from '../core/languages';
import type { AsciiClasses } from './ascii-pattern';
import type { HoledPattern } from './back-references';

/** A grammar chunk: the grammar, and its patterns translated at build time (see build/precompile-grammars.ts). */
export interface GrammarModule {
  default: LanguageRegistration[];
  /** See build/precompile-grammars.ts for the format. */
  compiled: readonly (0 | 1 | [string, string?, object?])[];
  /** The ASCII classes of the Unicode properties its patterns use (see ascii-pattern.ts). */
  ascii: AsciiClasses;
  /** Its back-referenced patterns, translated with a hole (see back-references.ts). */
  holed: readonly HoledPattern[];
}

/** One chunk per grammar: a page downloads only the grammars of the tabs it shows. */
export const grammarLoaders: Record<LanguageInfo['grammar'], () => Promise<GrammarModule>> = {
  python: () => import('virtual:grammar/python'),
  javascript: () => import('virtual:grammar/javascript'),
  typescript: () => import('virtual:grammar/typescript'),
  shellscript: () => import('virtual:grammar/shellscript'),
  json: () => import('virtual:grammar/json'),
};
