import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import YAML from 'yaml';
import { precompileTemplate } from '../../../tools/snippet-library/library-renderer.ts';
import { readLibrary, type LibrarySnippet } from '../../../tools/snippet-library/read-library.ts';
import type { BlockSnippet } from '../lib/integration-data.ts';
import { framePage } from './frame-page.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
export const INTEGRATION_DIR = resolve(HERE, '..');
const DATA_MODULE = 'aiml:integration-data';

export interface BuildOptions {
  /** The versioned CDN folder of the widget release: `https://cdn.example.com/snippets/1.2.3/`. */
  cdn: string;
  /** That release's `dist/manifest.json` (its files' Subresource Integrity hashes). */
  releaseManifest: string;
  /** The template library; default `shared/snippets`. */
  library?: string;
  /** The GitBook organization (id or subdomain) that owns the integration; default the manifest's. */
  organization?: string;
  /** Where the publishable folder goes; default `integrations/gitbook/dist`. */
  outDir?: string;
}

export interface BuildResult {
  outDir: string;
  manifest: string;
  script: string;
  framePage: string;
  snippets: number;
}

/** A mistake in the build's inputs; the message names the value and the fix. */
export class BuildError extends Error {
  override name = 'BuildError';
}

interface ReleaseManifest {
  version: string;
  files: { file: string; integrity: string }[];
}

function readRelease(path: string): ReleaseManifest & { integrity: { js: string; css: string } } {
  let manifest: ReleaseManifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as ReleaseManifest;
  } catch (error) {
    throw new BuildError(`Cannot read the widget's release manifest ${path} (${(error as Error).message}). Build the widget first: SNIPPETS_CDN_PREFIX=<cdn folder> npm run build.`, { cause: error });
  }
  const integrityOf = (file: string) => {
    const integrity = manifest.files?.find((entry) => entry.file === file)?.integrity;
    if (!integrity?.startsWith('sha384-')) throw new BuildError(`${path} lists no sha384 integrity for ${file}: it is not a release manifest of the widget's build.`);
    return integrity;
  };
  return { ...manifest, integrity: { js: integrityOf('bundle.js'), css: integrityOf('bundle.css') } };
}

/** `https://cdn…/snippets/1.2.3/` → `https://cdn…/snippets/`: pasted URLs may name any release folder (`v1/` too). */
function unfurlBase(cdn: string, version: string): string {
  const url = new URL(cdn);
  const parts = url.pathname.split('/').filter(Boolean);
  return parts.at(-1) === version ? new URL('../', url).href : url.href;
}

/** The language of a block's Markdown fallback: cURL where the snippet has it, else its first tab. */
export const fallbackLanguage = (snippet: LibrarySnippet): string | undefined =>
  'sh' in snippet.templates ? 'sh' : (snippet.config.languages?.find((lang) => lang in snippet.templates) ?? Object.keys(snippet.templates)[0]);

/** A snippet as the block's picker and checks know it. */
export function blockSnippet(snippet: LibrarySnippet): BlockSnippet {
  const secrets = new Set(snippet.config.secrets ?? []);
  return {
    id: snippet.id,
    group: snippet.group,
    title: snippet.config.title,
    variables: Object.entries(snippet.config.payload).map(([name, value]) => ({ name, default: value, secret: secrets.has(name) })),
  };
}

/** The `aiml:integration-data` module: JSON, but for the templates, which are JavaScript (precompiled). */
function dataModule(release: string, base: string, library: LibrarySnippet[], page: { html: string; csp: string }): string {
  const snippets = library.map(blockSnippet).sort((a, b) => a.group.localeCompare(b.group) || a.title.localeCompare(b.title));
  const fallbacks = library.flatMap((snippet) => {
    const lang = fallbackLanguage(snippet);
    if (!lang) return [];
    const spec = precompileTemplate(snippet.templates[lang]!);
    return [`${JSON.stringify(snippet.id)}: { id: ${JSON.stringify(snippet.id)}, config: ${JSON.stringify(snippet.config)}, templates: { ${JSON.stringify(lang)}: ${spec} } }`];
  });
  return `export default {
  release: ${JSON.stringify(release)},
  unfurlBase: ${JSON.stringify(base)},
  snippets: ${JSON.stringify(snippets)},
  framePage: ${JSON.stringify(page)},
  fallbacks: {\n${fallbacks.join(',\n')}\n  },\n};\n`;
}

/** The frame page's inline script, for browsers. */
async function frameScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(INTEGRATION_DIR, 'frame/main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text.trim();
}

/** Resolves the generated data module, and keeps the Handlebars compiler out of the worker. */
function integrationPlugin(contents: string): Plugin {
  const require = createRequire(import.meta.url);
  return {
    name: 'aiml-gitbook',
    setup(b) {
      b.onResolve({ filter: new RegExp(`^${DATA_MODULE}$`) }, () => ({ path: DATA_MODULE, namespace: 'aiml' }));
      b.onLoad({ filter: /.*/, namespace: 'aiml' }, () => ({ contents, loader: 'js', resolveDir: INTEGRATION_DIR }));
      // Templates arrive precompiled: the worker only ever needs Handlebars' runtime.
      b.onResolve({ filter: /^handlebars$/ }, () => ({ path: require.resolve('handlebars/runtime') }));
    },
  };
}

/**
 * Builds the publishable integration into `outDir`: `gitbook-manifest.yaml` (the source
 * manifest with this build's script, organization and link patterns), `script.js` (bundled
 * the way `gitbook publish` bundles, see @gitbook/cli's build.ts) and `frame.html` (the
 * frame page the script serves, for review).
 */
export async function buildIntegration(options: BuildOptions): Promise<BuildResult> {
  let cdnUrl: URL;
  try {
    cdnUrl = new URL(options.cdn);
    if (!/^https?:$/.test(cdnUrl.protocol)) throw new Error('not http(s)');
  } catch (error) {
    throw new BuildError(`The CDN folder must be an absolute http(s) URL, e.g. https://cdn.example.com/snippets/1.2.3/, got ${JSON.stringify(options.cdn)}. Set --cdn or SNIPPETS_CDN_PREFIX.`, { cause: error });
  }
  const cdn = cdnUrl.href.endsWith('/') ? cdnUrl.href : `${cdnUrl.href}/`;
  const release = readRelease(options.releaseManifest);
  const library = readLibrary(options.library ?? 'shared/snippets');
  if (library.length === 0) throw new BuildError(`The library ${options.library ?? 'shared/snippets'} has no snippets: pass --library <dir> with <group>/<name>/config.json folders.`);
  const outDir = resolve(options.outDir ?? join(INTEGRATION_DIR, 'dist'));
  mkdirSync(outDir, { recursive: true });

  const page = framePage({ cdn, integrity: release.integrity, script: await frameScript() });
  const base = unfurlBase(cdn, release.version);
  const script = join(outDir, 'script.js');
  // The options of @gitbook/cli's buildScriptFromManifest (packages/cli/src/build.ts).
  await build({
    entryPoints: [join(INTEGRATION_DIR, 'runtime/index.ts')],
    outfile: script,
    platform: 'neutral',
    bundle: true,
    format: 'esm',
    target: 'es2020',
    minify: true,
    mainFields: ['worker', 'browser', 'module', 'jsnext', 'main'],
    conditions: ['worker', 'browser', 'import', 'production'],
    define: { 'process.env.NODE_ENV': '"production"', MODE: '"production"' },
    external: ['node:*', 'cloudflare:*'],
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [integrationPlugin(dataModule(release.version, base, library, page))],
  });

  const doc = YAML.parseDocument(readFileSync(join(INTEGRATION_DIR, 'gitbook-manifest.yaml'), 'utf8'));
  doc.commentBefore = ` Built by \`npm run build:gitbook\` from ${relative(outDir, join(INTEGRATION_DIR, 'gitbook-manifest.yaml'))}, for the widget release ${release.version} at ${cdn}.\n Publish this folder: npx @gitbook/cli publish .`;
  doc.set('script', './script.js');
  if (options.organization) doc.set('organization', options.organization);
  doc.setIn(['blocks', 0, 'urlUnfurl'], [`${base}**`]);
  const manifest = join(outDir, 'gitbook-manifest.yaml');
  writeFileSync(manifest, doc.toString({ lineWidth: 0 }));
  const frame = join(outDir, 'frame.html');
  writeFileSync(frame, page.html);
  return { outDir, manifest, script, framePage: frame, snippets: library.length };
}
