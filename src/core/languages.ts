/** The Shiki grammars the widget uses. */
export const GRAMMARS = ['python', 'javascript', 'typescript', 'shellscript', 'json'] as const;

export type Grammar = (typeof GRAMMARS)[number];

/** What the widget knows of a template language: its tab label and its Shiki grammar. */
export interface LanguageInfo {
  label: string;
  grammar: Grammar;
  /** Other names readers may use for it, e.g. in `?lang=`. */
  aliases: readonly string[];
}

export const LANGUAGES: Readonly<Record<string, LanguageInfo>> = {
  py: { label: 'Python', grammar: 'python', aliases: ['python', 'python3'] },
  js: { label: 'JavaScript', grammar: 'javascript', aliases: ['javascript', 'node', 'nodejs'] },
  ts: { label: 'TypeScript', grammar: 'typescript', aliases: ['typescript'] },
  sh: { label: 'cURL', grammar: 'shellscript', aliases: ['curl', 'shell', 'bash'] },
  json: { label: 'JSON', grammar: 'json', aliases: [] },
};

/** The grammar of a template language, if the widget highlights it. */
export function grammarOf(lang: string): Grammar | undefined {
  return Object.hasOwn(LANGUAGES, lang) ? LANGUAGES[lang]!.grammar : undefined;
}

/** The tab label of a template language; unknown ones show their file name. */
export function languageLabel(lang: string): string {
  return Object.hasOwn(LANGUAGES, lang) ? LANGUAGES[lang]!.label : `${lang}.hbs`;
}

/** Maps `python`, `py`, `cURL` … to a template language, or null if none matches. */
export function normalizeLanguage(value: string | null | undefined): string | null {
  if (!value) return null;
  const wanted = value.trim().toLowerCase();
  if (Object.hasOwn(LANGUAGES, wanted)) return wanted;
  for (const [lang, info] of Object.entries(LANGUAGES)) {
    if (info.label.toLowerCase() === wanted || info.aliases.includes(wanted)) return lang;
  }
  return null;
}

const PREFERRED = ['py', 'js'];

/** Tab order: `config.json` `languages` first, then Python, JavaScript, then the rest alphabetically. */
export function orderLanguages(langs: readonly string[], configured: readonly string[] = []): string[] {
  const rank = (lang: string) => {
    const fromConfig = configured.indexOf(lang);
    if (fromConfig !== -1) return fromConfig;
    const preferred = PREFERRED.indexOf(lang);
    return preferred !== -1 ? configured.length + preferred : Number.POSITIVE_INFINITY;
  };
  return [...langs].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Picks the tab to show: the page-wide choice if this snippet has it, else the viewer's own, else the first. */
export function pickLanguage(langs: readonly string[], preferred: string | null, own: string | null): string {
  if (preferred && langs.includes(preferred)) return preferred;
  if (own && langs.includes(own)) return own;
  return langs[0] ?? '';
}
