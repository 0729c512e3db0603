import { readFileSync } from 'node:fs';
import type { Plugin, PluginOption } from 'vite';
import { chunkUrls } from './chunk-urls.ts';
import { dualThemePlugin } from './dual-theme.ts';
import { featherIcons } from './feather-icons.ts';
import { handlebarsPrecompile } from './handlebars-precompile.ts';
import { snippetLibrary } from './snippet-library.ts';

// What `npm run build:lib` shares between its two builds (vite.lib.config.ts for the React
// component, vite.node.config.ts for the Node API, the rehype plugin and the CLI).

const LIBRARY = 'shared/snippets';

/** The template library, its templates, themes and icons, served by the build's virtual modules. */
export function libraryPlugins(): PluginOption[] {
  return [handlebarsPrecompile(), dualThemePlugin(), featherIcons(), snippetLibrary({ root: LIBRARY }), chunkUrls({ library: LIBRARY, emit: false }), runtimeImports()];
}

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};

/** The packages a consumer installs with ours: package.json's dependencies and peers. */
export const RUNTIME_PACKAGES: readonly string[] = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];

/**
 * What the library leaves to the consumer's install rather than bundling: its run-time
 * packages (and their subpaths) and Node's built-ins. Everything else (our sources, the
 * template library) is bundled in, so a package missing from `dependencies` ends up bundled,
 * never missing.
 */
export function isRuntimeImport(id: string): boolean {
  // Left to runtimeImports(), which renames it (the build's `external` is asked first).
  if (id === 'handlebars/runtime') return false;
  return id.startsWith('node:') || RUNTIME_PACKAGES.some((name) => id === name || id.startsWith(`${name}/`));
}

/**
 * `handlebars/runtime` as `handlebars/runtime.js`: Handlebars has no `exports` map, and Node's
 * ES module resolution does not add extensions to a package's subpaths (bundlers do, and take
 * the file name as well).
 */
function runtimeImports(): Plugin {
  return {
    name: 'snippets:runtime-imports',
    enforce: 'pre',
    resolveId: { filter: { id: /^handlebars\/runtime$/ }, handler: () => ({ id: 'handlebars/runtime.js', external: true }) },
  };
}
