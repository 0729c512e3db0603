type TranslatorModule = typeof import('./translator');

let translator: TranslatorModule | null = null;
let translatorLoad: Promise<TranslatorModule> | null = null;
let provisionalUses = 0;

/** The Oniguruma translator, if it has loaded. */
export const loadedTranslator = (): TranslatorModule | null => translator;

/** Loads the translator (once); patterns missing from the build's tables need it. */
export function loadTranslator(): Promise<TranslatorModule> {
  translatorLoad ??= import('./translator').then((module) => (translator = module));
  return translatorLoad;
}

/** Regexes (and errors) made provisionally, before the translator loaded: never cached. */
export const provisional = new WeakSet<object>();

/** Counts provisional compilations, so tokens made with them are not cached either. */
export const countProvisional = (): number => provisionalUses;

export function markProvisional<T extends object>(entry: T): T {
  provisionalUses++;
  provisional.add(entry);
  return entry;
}
