// Shared by the highlighting tests: the library's samples as readers get them, and tokens made
// with our engine or with Shiki's own (the reference).
import { createJavaScriptRegexEngine } from '@shikijs/engine-javascript';
import { codeToTokensBase, createShikiPrimitive, type RegexEngine } from '@shikijs/primitive';
import githubLight from '@shikijs/themes/github-light';
import { snippetIds, snippetLoaders } from 'virtual:snippet-library';
import { resolveValues } from '../../src/core/resolve-values';
import type { GrammarModule } from '../../src/highlight/grammars';
import { PrecompiledCache } from '../../src/highlight/precompiled-cache';
import { createPrecompiledEngine } from '../../src/highlight/regex-engine';
import { renderSnippet } from '../../src/render/render-snippet';

/** Every language of every snippet of the library, rendered with its defaults: the code on screen. */
export async function librarySamples(): Promise<{ id: string; lang: string; code: string }[]> {
  const samples = [];
  for (const id of snippetIds) {
    const template = (await snippetLoaders[id]!()).default;
    for (const file of renderSnippet(template, resolveValues(id, template.config)).files) samples.push({ id, lang: file.lang, code: file.displayCode });
  }
  return samples;
}

/** [text, colour] per token, in github-light, with the given regex engine. */
export function tokensWith(module: GrammarModule, lang: string, code: string, engine: RegexEngine) {
  const primitive = createShikiPrimitive({ themes: [githubLight], langs: [...module.default], engine });
  return codeToTokensBase(primitive, code, { lang, theme: 'github-light' }).map((line) => line.map(({ content, color }) => [content, color]));
}

/** Shiki's own engine, translating every pattern at run time: the reference. */
export const referenceTokens = (module: GrammarModule, lang: string, code: string) =>
  tokensWith(module, lang, code, createJavaScriptRegexEngine({ forgiving: true }));

/** Our engine over one grammar's build-time tables, with a cache of its own. */
export function precompiledEngine(module: GrammarModule): RegexEngine {
  const cache = new PrecompiledCache();
  cache.addGrammar(module);
  return createPrecompiledEngine(cache);
}
