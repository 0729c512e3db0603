// Pages rendered ahead of time, for the benchmark: the package's own code (src/node), loaded
// through Vite's SSR module loader so that the build's virtual modules (the library, the
// theme) resolve as they do in a build, without building the package first.
import { createServer } from 'vite';
import { REPO_ROOT } from '../test/e2e/harness.mjs';

/** Expands every `<snippet>` of an HTML page as the CLI does; `close()` when done. */
export async function createPrerenderer() {
  const vite = await createServer({ root: REPO_ROOT, logLevel: 'error', server: { middlewareMode: true, hmr: false }, appType: 'custom' });
  const [{ expandSnippetsInHtml }, { createStaticRenderer, viewerCss }] = await Promise.all([
    vite.ssrLoadModule('/src/node/expand-snippets-in-html.ts'),
    vite.ssrLoadModule('/src/node/index.ts'),
  ]);
  const renderer = createStaticRenderer();
  return {
    /** The viewer's stylesheet, for pages that link it instead of inlining it in every snippet. */
    viewerCss,
    /** @param {string} html @param {{ stylesheet?: 'inline' | { href: string } }} [defaults] */
    async render(html, defaults = {}) {
      const { html: expanded, problems } = await expandSnippetsInHtml(html, renderer, defaults);
      const errors = problems.filter((problem) => problem.severity === 'error');
      if (errors.length) throw new Error(`pre-rendering a bench page failed: ${errors.map((e) => e.message).join('; ')}`);
      return expanded;
    },
    close: () => vite.close(),
  };
}
