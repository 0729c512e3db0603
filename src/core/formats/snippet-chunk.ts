import type { SnippetConfig, TemplateSpec } from '../types.ts';
import type { PrebuiltHighlights } from './prebuilt-highlights.ts';

/** One snippet folder, as its lazily loaded chunk exports it. */
export interface SnippetChunk {
  id: string;
  config: SnippetConfig;
  /** Precompiled Handlebars specs, by language. */
  templates: Readonly<Record<string, TemplateSpec>>;
  /** Its default rendering's tokens, made by the build; null if that rendering failed. */
  highlights: PrebuiltHighlights | null;
}

/**
 * The chunk module's source, as the build writes it: the templates are imported from their
 * `.hbs` files (which the precompile plugin turns into specs), the rest is JSON.
 */
export function encodeSnippetChunk(chunk: Omit<SnippetChunk, 'templates'>, templatePaths: Readonly<Record<string, string>>): string {
  const langs = Object.keys(templatePaths);
  const imports = langs.map((lang, i) => `import t${i} from ${JSON.stringify(templatePaths[lang])};`).join('\n');
  const templates = langs.map((lang, i) => `${JSON.stringify(lang)}: t${i}`).join(', ');
  const data = JSON.stringify({ id: chunk.id, config: chunk.config, highlights: chunk.highlights });
  return `${imports}\nconst data = ${data};\nexport default { ...data, templates: { ${templates} } };\n`;
}

/** The part of a config the page uses: the rest (description, variables' phrases, the operation) is for the build's pages. */
export function chunkConfig({ title, docs, languages, payload, secrets }: SnippetConfig): SnippetConfig {
  return { title, payload, ...(docs ? { docs } : {}), ...(languages ? { languages } : {}), ...(secrets ? { secrets } : {}) };
}
