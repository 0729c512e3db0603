import type { LanguageRegistration } from 'shiki';
import type { Grammar } from '../core/languages.ts';

/** A grammar module of `@shikijs/langs`. */
export type GrammarModule = { default: LanguageRegistration[] };

/** One chunk per grammar: a page downloads only the grammars of the tabs it highlights. */
export const grammarLoaders: Readonly<Record<Grammar, () => Promise<GrammarModule>>> = {
  python: () => import('@shikijs/langs/python'),
  javascript: () => import('@shikijs/langs/javascript'),
  typescript: () => import('@shikijs/langs/typescript'),
  shellscript: () => import('@shikijs/langs/shellscript'),
  json: () => import('@shikijs/langs/json'),
};
