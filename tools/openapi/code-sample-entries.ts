import type { RenderedSample } from '../snippet-library/library-renderer.ts';

/** One entry of an operation's `x-codeSamples` (Redocly's extension, read by GitBook, Scalar, Mintlify…). */
export interface CodeSampleEntry {
  lang: string;
  label: string;
  source: string;
}

// `lang` names the language the way Redocly's list does; GitBook lower-cases it to pick its
// highlighter (python, javascript, typescript, shell, json all exist there). `label` is the
// widget's own tab label, so the API reference and the guides say "cURL" alike.
const LANGS: Record<string, string> = { py: 'Python', js: 'JavaScript', ts: 'TypeScript', sh: 'Shell', json: 'JSON' };

/**
 * The `x-codeSamples` entries of one operation: one per language of each snippet, in the
 * widget's tab order. When several snippets demonstrate the operation, each label names
 * its snippet, so the reader can tell them apart in the language menu.
 */
export function codeSampleEntries(snippets: readonly { title: string; samples: readonly RenderedSample[] }[]): CodeSampleEntry[] {
  const several = snippets.length > 1;
  return snippets.flatMap(({ title, samples }) =>
    samples.map((sample) => ({
      lang: LANGS[sample.lang] ?? sample.lang,
      label: several ? `${sample.label}: ${title}` : sample.label,
      source: sample.code,
    })),
  );
}
