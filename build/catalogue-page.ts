import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { attributeName } from '../src/core/resolve-values.ts';
import { safeUrl } from '../src/core/safe-url.ts';
import { defaultText } from '../src/view/snippet-markdown.ts';
import { readLibrary } from './read-library.ts';

/** One snippet as the catalogue lists it. */
export interface CatalogueEntry {
  id: string;
  group: string;
  title: string;
  docs: string | null;
  description?: string;
  /** The snippet's variables as an author sets them. */
  variables?: { attribute: string; fallback: string; secret: boolean; phrase: string }[];
}

// The filter script and the page's styles are files of their own: the page must work under
// a Content-Security-Policy of `script-src 'self'`, which forbids inline scripts.
const ASSETS = join(dirname(fileURLToPath(import.meta.url)), 'catalogue');

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Emits `dist/catalogue.html` (+ catalogue.js, catalogue.css): every snippet of the library,
 * grouped, each as a live `<snippet>` element, with a filter box. Docs authors browse it to
 * pick a `data-name`; reviewers see the whole library rendered by the real bundle.
 */
export function cataloguePage(options: { root: string }): Plugin {
  const root = resolve(options.root);
  return {
    name: 'snippets:catalogue-page',
    apply: 'build',
    generateBundle() {
      const entries = readLibrary(root).map(
        ({ id, group, config }): CatalogueEntry => ({
          id,
          group,
          title: typeof config.title === 'string' ? config.title : id,
          docs: safeUrl(config.docs),
          description: config.description,
          variables: Object.entries(config.payload).map(([key, value]) => ({
            attribute: attributeName(key),
            fallback: defaultText(value),
            secret: (config.secrets ?? []).includes(key),
            phrase: config.variables?.[key] ?? '',
          })),
        }),
      );
      this.emitFile({ type: 'asset', fileName: 'catalogue.html', source: renderCataloguePage(entries) });
      for (const file of ['catalogue.js', 'catalogue.css']) {
        this.emitFile({ type: 'asset', fileName: file, source: readFileSync(join(ASSETS, file), 'utf8') });
      }
    },
  };
}

/** The catalogue's HTML: a section per group, an article per snippet. Every value is escaped. */
export function renderCataloguePage(entries: readonly CatalogueEntry[]): string {
  const groups = new Map<string, CatalogueEntry[]>();
  for (const entry of entries) groups.set(entry.group, [...(groups.get(entry.group) ?? []), entry]);
  const total = `${entries.length} snippet${entries.length === 1 ? '' : 's'}`;

  const sections = [...groups].map(([group, members]) => {
    const articles = members.map((entry) => {
      const docs = entry.docs ? ` · <a href="${escapeHtml(entry.docs)}">API docs</a>` : '';
      // The filter matches words of the id and the title, in lower case.
      const filterText = `${entry.id} ${entry.title}`.toLowerCase();
      const description = entry.description ? `\n        <p>${escapeHtml(entry.description)}</p>` : '';
      const rows = (entry.variables ?? []).map(
        (v) =>
          `<tr><td><code>${escapeHtml(v.attribute)}</code></td><td><code>${escapeHtml(v.fallback)}</code></td><td>${v.secret ? 'secret' : ''}</td><td>${escapeHtml(v.phrase)}</td></tr>`,
      );
      const variables = rows.length
        ? `\n        <details class="variables"><summary>Variables (${rows.length})</summary><table><thead><tr><th scope="col">Attribute</th><th scope="col">Default</th><th scope="col"></th><th scope="col">What it is</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`
        : '';
      return `      <article class="entry" id="${escapeHtml(entry.id)}" data-filter="${escapeHtml(filterText)}">
        <h3>${escapeHtml(entry.title)}</h3>
        <p class="meta"><code>&lt;snippet data-name="${escapeHtml(entry.id)}"&gt;</code>${docs}</p>${description}${variables}
        <snippet data-name="${escapeHtml(entry.id)}"></snippet>
      </article>`;
    });
    return `    <section class="group" data-group="${escapeHtml(group)}" aria-labelledby="group-${escapeHtml(group)}">
      <h2 id="group-${escapeHtml(group)}">${escapeHtml(group)}</h2>
${articles.join('\n')}
    </section>`;
  });

  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <!-- No icon of its own; without this line the browser asks for /favicon.ico and gets a 404. -->
    <link rel="icon" href="data:,">
    <title>Snippet catalogue</title>
    <link rel="stylesheet" href="./bundle.css">
    <link rel="stylesheet" href="./catalogue.css">
    <script type="module" src="./bundle.js"></script>
    <script type="module" src="./catalogue.js"></script>
  </head>
  <body>
    <header>
      <h1>Snippet catalogue</h1>
      <p>Every snippet of the library, as <code>&lt;snippet data-name="…"&gt;</code> shows it on a docs page: ${total} in ${groups.size} group${groups.size === 1 ? '' : 's'}.</p>
      <div class="filter">
        <label for="catalogue-filter">Filter</label>
        <input id="catalogue-filter" type="search" autocomplete="off" spellcheck="false" placeholder="e.g. video, flux, open-ai.chat">
        <p id="catalogue-status" role="status">${total}</p>
      </div>
    </header>
    <main>
${sections.join('\n')}
      <p id="catalogue-empty" hidden>No snippet matches the filter.</p>
    </main>
  </body>
</html>
`;
}
