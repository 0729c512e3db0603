import type { LanguageRegistration } from '@shikijs/primitive';
import type { LanguageInfo } from '../core/languages';

type GrammarModule = { default: LanguageRegistration[] };

/** One chunk per grammar: a page downloads only the grammars of the tabs it shows. */
export const grammarLoaders: Record<LanguageInfo['grammar'], () => Promise<GrammarModule>> = {
  python: () => import('@shikijs/langs/python'),
  javascript: () => import('@shikijs/langs/javascript'),
  typescript: () => import('@shikijs/langs/typescript'),
  shellscript: () => import('@shikijs/langs/shellscript'),
  json: () => import('@shikijs/langs/json'),
};
