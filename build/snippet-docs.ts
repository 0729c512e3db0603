import type { Plugin, ResolvedConfig } from 'vite';
import { safeUrl } from '../src/core/safe-url.ts';
import { llmsTxt, type LlmsEntry } from '../src/view/llms-txt.ts';
import { snippetMarkdown, type SnippetDoc } from '../src/view/snippet-markdown.ts';
import type { SnippetLibraryApi } from './snippet-library.ts';

/** Where a snippet's Markdown page goes in the build: `snippets/<group>/<name>.md`. */
export const markdownPath = (id: string): string => `snippets/${id.replace('.', '/')}.md`;

/**
 * Emits, for readers that never run the widget (search engines, AI assistants), one Markdown
 * page per snippet (`snippets/<group>/<name>.md`: its code as its defaults render it) and
 * `llms.txt`, the index of them all. Links are absolute when the build knows its public URL
 * (SNIPPETS_CDN_PREFIX), else relative to `llms.txt`.
 */
export function snippetDocs(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'snippets:docs',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async generateBundle() {
      const library = config.plugins.find((plugin) => plugin.name === 'snippets:library')?.api as SnippetLibraryApi | undefined;
      if (!library) this.error('snippets:docs needs the snippets:library plugin');
      const built = await library.library((message) => this.warn(message));
      const base = /^https?:\/\//.test(config.base) ? (config.base.endsWith('/') ? config.base : `${config.base}/`) : '';
      const entries: LlmsEntry[] = [];
      for (const [id, { snippet, files }] of built) {
        // A snippet that does not render has no page: the library check names it.
        if (!files) continue;
        const doc: SnippetDoc = { snippet: { name: id, title: snippet.config.title, docs: safeUrl(snippet.config.docs), files }, config: snippet.config };
        this.emitFile({ type: 'asset', fileName: markdownPath(id), source: snippetMarkdown(doc) });
        entries.push({ id, group: snippet.group, title: snippet.config.title, description: doc.config.description, url: `${base}${markdownPath(id)}` });
      }
      this.emitFile({ type: 'asset', fileName: 'llms.txt', source: llmsTxt(entries) });
    },
  };
}
