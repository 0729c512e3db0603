import type { ShikiPrimitive } from '@shikijs/primitive';
import type { LanguageInfo } from '../core/languages';
import type { CodeLines } from '../core/types';
import { grammarLoaders } from './grammars';
import { countProvisional, loadTranslator } from './translator-state';

export type Grammar = LanguageInfo['grammar'];

export type { CodeLines, CodeToken } from '../core/types';

type ShikiCore = typeof import('./shiki-core');

type Highlighter = ReturnType<ShikiCore['createHighlighter']>;

let highlighter: ShikiPrimitive | null = null;
let shiki: ShikiCore | null = null;
let highlighterLoad: Promise<Highlighter> | null = null;
const grammarLoads = new Map<Grammar, Promise<void>>();
const ready = new Set<Grammar>();

/** Starts loading Shiki (once); cheap to call again. */
export function loadHighlighter(): Promise<Highlighter> {
  highlighterLoad ??= import('./shiki-core').then(async (module) => {
    const created = module.createHighlighter();
    // Without the RegExp `v` flag the precompiled tables are unusable: every pattern needs the translator.
    if (!created.cache.usable) await loadTranslator();
    shiki = module;
    highlighter = created.primitive;
    return created;
  });
  return highlighterLoad;
}

/** Loads Shiki and one grammar; resolves when `tokenize` can highlight that grammar. */
export function loadGrammar(grammar: Grammar): Promise<void> {
  let load = grammarLoads.get(grammar);
  if (!load) {
    load = Promise.all([loadHighlighter(), grammarLoaders[grammar]()]).then(([core, module]) => {
      core.cache.addGrammar(module);
      core.primitive.loadLanguageSync(module.default);
      ready.add(grammar);
    });
    // A failed load may be retried by the next caller (a flaky network, say).
    load.catch(() => grammarLoads.delete(grammar));
    grammarLoads.set(grammar, load);
  }
  return load;
}

/** True once `tokenize` can run synchronously for this grammar. */
export function isGrammarReady(grammar: Grammar): boolean {
  return highlighter !== null && ready.has(grammar);
}

/** Tokenizes code for both themes in one pass (see build/slim-themes.ts); null until the grammar is loaded. */
export function tokenize(code: string, grammar: Grammar): CodeLines | null {
  if (!highlighter || !shiki || !ready.has(grammar)) return null;
  const { codeToTokensBase, themeColors, THEME } = shiki;
  return codeToTokensBase(highlighter, code, { lang: grammar, theme: THEME }).map((line) =>
    line.map(({ content, color, fontStyle }) => {
      const [light, dark] = themeColors(color) ?? [];
      return { text: content, light, dark, fontStyle: fontStyle || undefined };
    }),
  );
}

// Docs pages repeat the same sample, and the preview warms what the viewer will show: the same
// text is tokenized once.
const tokenCache = new Map<string, CodeLines>();
const TOKEN_CACHE_LIMIT = 100;
/** The cache key of some code's tokens. */
export const tokenKey = (code: string, grammar: Grammar) => `${grammar}\0${code}`;

/** Tokens already made for this code, if any. */
export function cachedTokens(code: string, grammar: Grammar): CodeLines | undefined {
  return tokenCache.get(tokenKey(code, grammar));
}

/** `tokenize`, remembering the result for `cachedTokens`. */
export function tokenizeCached(code: string, grammar: Grammar): CodeLines | null {
  const hit = cachedTokens(code, grammar);
  if (hit) return hit;
  const provisionalBefore = countProvisional();
  const lines = tokenize(code, grammar);
  // Tokens made with provisional patterns are shown, not kept: the next render redoes them.
  if (lines && countProvisional() === provisionalBefore) {
    if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.delete(tokenCache.keys().next().value!);
    tokenCache.set(tokenKey(code, grammar), lines);
  }
  return lines;
}
