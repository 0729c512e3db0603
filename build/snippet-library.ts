import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { orderLanguages } from '../src/core/languages.ts';
import { resolveValues } from '../src/core/resolve-values.ts';
import type { SnippetConfig, TemplateSpec } from '../src/core/types.ts';
import { renderSnippet } from '../src/render/render-snippet.ts';
import { PRECOMPILE_OPTIONS } from './handlebars-precompile.ts';
import { prebuiltHighlights } from './prebuilt-highlights.ts';
import { scanLibrary, type LibraryEntry } from './scan-library.ts';

const LIBRARY_ID = 'virtual:snippet-library';
const SNIPPET_PREFIX = 'virtual:snippet/';

/**
 * Serves the template library as modules.
 *
 * `virtual:snippet-library` holds only the ids, each one's languages in tab order and one
 * lazy loader per id, so the entry chunk stays small however large the library grows. Each
 * `virtual:snippet/<id>` module becomes its own chunk with that folder's config, precompiled
 * templates and their default rendering highlighted: a page downloads only the snippets it shows.
 */
export function snippetLibrary(options: { root: string }): Plugin {
  const root = resolve(options.root);
  return {
    name: 'snippets:library',
    // Hook filters: the bundler calls these only for our ids, not for every module.
    resolveId: { filter: { id: /^virtual:snippet(-library$|\/)/ }, handler: (id) => `\0${id}` },
    load: {
      filter: { id: /^\0virtual:snippet(-library$|\/)/ },
      handler(id) {
        const bare = id.slice(1);
        if (bare === LIBRARY_ID) return libraryModule(this, root);
        return snippetModule(this, root, bare.slice(SNIPPET_PREFIX.length));
      },
    },
  };
}

type Context = { addWatchFile(path: string): void; error(message: string): never; warn(message: string): void };

function libraryModule(ctx: Context, root: string): string {
  const entries = scanLibrary(root);
  const ids = entries.map((entry) => entry.id);
  // A snippet's first tab is known before its chunk arrives, so the page can fetch that
  // grammar alongside the templates instead of after them.
  const languages = Object.fromEntries(
    entries.map((entry) => {
      const configured = readConfig(ctx, entry.configPath).languages;
      const langs = entry.templates.map((t) => t.lang);
      return [entry.id, orderLanguages(langs, Array.isArray(configured) ? configured.filter((l) => typeof l === 'string') : [])];
    }),
  );
  const loaders = ids
    .map((id) => `  ${JSON.stringify(id)}: () => import(${JSON.stringify(SNIPPET_PREFIX + id)}),`)
    .join('\n');
  return [
    `export const snippetIds = ${JSON.stringify(ids)};`,
    `export const snippetLanguages = ${JSON.stringify(languages)};`,
    `export const snippetLoaders = {\n${loaders}\n};`,
    '',
  ].join('\n');
}

function readConfig(ctx: Context, path: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    return ctx.error(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}

async function snippetModule(ctx: Context, root: string, id: string): Promise<string> {
  const entry = scanLibrary(root).find((candidate) => candidate.id === id);
  if (!entry) return ctx.error(`No snippet folder for "${id}" under ${root}.`);
  ctx.addWatchFile(entry.configPath);
  const config = readConfig(ctx, entry.configPath);
  // The schema link is for editors only; the browser has no use for it.
  delete config.$schema;
  const imports = entry.templates.map((t, i) => `import t${i} from ${JSON.stringify(t.path)};`).join('\n');
  const templates = entry.templates.map((t, i) => `${JSON.stringify(t.lang)}: t${i}`).join(', ');
  const highlights = await defaultHighlights(ctx, entry, config as unknown as SnippetConfig);
  return `${imports}\nexport default { id: ${JSON.stringify(id)}, config: ${JSON.stringify(config)}, templates: { ${templates} }, highlights: ${JSON.stringify(highlights)} };\n`;
}

/**
 * The snippet rendered with its defaults, by the same renderer as the page's, and
 * highlighted; null (the page then highlights at run time) if it does not render: the
 * viewer shows that error, and the library check names it.
 */
async function defaultHighlights(ctx: Context, entry: LibraryEntry, config: SnippetConfig) {
  try {
    const templates: Record<string, TemplateSpec> = {};
    for (const { lang, path } of entry.templates) {
      // The build's own Node process evaluates the spec it just compiled; the page never does.
      templates[lang] = new Function(`return ${Handlebars.precompile(readFileSync(path, 'utf8'), PRECOMPILE_OPTIONS)}`)() as TemplateSpec;
    }
    const snippet = { id: entry.id, config, templates };
    return await prebuiltHighlights(renderSnippet(snippet, resolveValues(entry.id, config)));
  } catch (error) {
    ctx.warn(`${entry.id}: not highlighted at build time (${(error as Error).message})`);
    return null;
  }
}
