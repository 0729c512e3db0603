import { relative } from 'node:path';
import { compileSnippet, renderSamples } from '../snippet-library/library-renderer.ts';
import { LibraryError, type LibrarySnippet } from '../snippet-library/read-library.ts';
import { acceptedModels } from './accepted-models.ts';
import { codeSampleEntries } from './code-sample-entries.ts';
import { HTTP_METHODS, findOperation, listOperations, type SpecOperation } from './spec-operations.ts';
import { parseSpec, writeCodeSamples, type CodeSamplesEdit, type SpecFormat } from './write-code-samples.ts';

/** An operation, as the report names it: `POST /v2/generate/audio`. */
export interface OperationRef {
  method: string;
  path: string;
}

/** What an export did and did not do. */
export interface ExportReport {
  /** Operations that got `x-codeSamples`, with the snippets and languages they show. */
  added: (OperationRef & { snippets: string[]; languages: string[]; replaced: boolean })[];
  /** Operations of the spec that no snippet demonstrates (they keep whatever samples they had). */
  operationsWithoutSnippet: OperationRef[];
  /** Snippets whose `method` + `path` name no operation of this spec. */
  snippetsNotInSpec: (OperationRef & { id: string })[];
  /** Snippets whose default `model` the operation's request schema does not accept: they document another model's spec. */
  snippetsForOtherModels: (OperationRef & { id: string; model: string; accepted: string[] })[];
  /** Snippets whose config.json names no operation (no `method` and `path`): skipped. */
  snippetsWithoutOperation: string[];
}

export interface ExportResult {
  text: string;
  report: ExportReport;
}

/** The operation a snippet's config names, checked; null when it names none. */
function operationOf(snippet: LibrarySnippet): OperationRef | null {
  const { method, path } = snippet.config;
  const file = relative(process.cwd(), `${snippet.dir}/config.json`);
  if (method === undefined && path === undefined) return null;
  if (typeof method !== 'string' || typeof path !== 'string') {
    throw new LibraryError(`${file} has ${method === undefined ? '"path" but no "method"' : '"method" but no "path"'}: give both, e.g. "method": "POST", "path": "/v1/chat/completions".`);
  }
  if (!(HTTP_METHODS as readonly string[]).includes(method.toLowerCase())) {
    throw new LibraryError(`${file}: "method": ${JSON.stringify(method)} is not an HTTP method. Use one of ${HTTP_METHODS.map((m) => m.toUpperCase()).join(', ')}.`);
  }
  if (!path.startsWith('/')) {
    throw new LibraryError(`${file}: "path": ${JSON.stringify(path)} must start with "/", e.g. "/v1/chat/completions".`);
  }
  return { method: method.toUpperCase(), path };
}

/**
 * Adds, to every operation of `specText` that snippets of the library demonstrate, an
 * `x-codeSamples` entry per language, rendered with the snippets' defaults. Everything else
 * in the spec is kept (YAML byte for byte). Snippets are matched to operations by their
 * config's `method` + `path` (see findOperation for the server base-path rule).
 */
export function addCodeSamples(specText: string, format: SpecFormat, library: readonly LibrarySnippet[]): ExportResult {
  const spec = parseSpec(specText, format);
  const operations = listOperations(spec);
  const report: ExportReport = { added: [], operationsWithoutSnippet: [], snippetsNotInSpec: [], snippetsForOtherModels: [], snippetsWithoutOperation: [] };
  const byOperation = new Map<SpecOperation, LibrarySnippet[]>();

  for (const snippet of library) {
    const ref = operationOf(snippet);
    if (!ref) {
      report.snippetsWithoutOperation.push(snippet.id);
      continue;
    }
    const operation = findOperation(operations, ref.method, ref.path);
    if (!operation) {
      report.snippetsNotInSpec.push({ id: snippet.id, ...ref });
      continue;
    }
    const accepted = acceptedModels(spec, operation.operation);
    const model = snippet.config.payload.model;
    if (accepted && typeof model === 'string' && !accepted.includes(model)) {
      report.snippetsForOtherModels.push({ id: snippet.id, ...ref, model, accepted });
      continue;
    }
    byOperation.set(operation, [...(byOperation.get(operation) ?? []), snippet]);
  }

  const edits: CodeSamplesEdit[] = [];
  for (const operation of operations) {
    const ref = { method: operation.method.toUpperCase(), path: operation.path };
    const snippets = byOperation.get(operation);
    if (!snippets) {
      report.operationsWithoutSnippet.push(ref);
      continue;
    }
    const rendered = snippets.map((snippet) => {
      try {
        return { title: snippet.config.title, samples: renderSamples(compileSnippet(snippet)) };
      } catch (error) {
        throw new LibraryError(`Snippet ${snippet.id} does not render with its defaults: ${(error as Error).message}. Run \`npm run check:snippets\`.`, { cause: error });
      }
    });
    const samples = codeSampleEntries(rendered);
    edits.push({ path: operation.path, method: operation.method, samples });
    report.added.push({
      ...ref,
      snippets: snippets.map((s) => s.id),
      languages: [...new Set(samples.map((s) => s.label.split(':')[0]!))],
      replaced: 'x-codeSamples' in operation.operation,
    });
  }
  return { text: edits.length > 0 ? writeCodeSamples(specText, format, edits) : specText, report };
}

/** The report as lines for a terminal. */
export function formatReport(report: ExportReport): string[] {
  const op = (ref: OperationRef) => `${ref.method} ${ref.path}`;
  return [
    ...report.added.map((a) => `x-codeSamples ${a.replaced ? 'replaced' : 'added'}: ${op(a)} ← ${a.snippets.join(', ')} (${a.languages.join(', ')})`),
    ...report.operationsWithoutSnippet.map((ref) => `no snippet demonstrates ${op(ref)}`),
    ...report.snippetsNotInSpec.map((s) => `snippet ${s.id}: ${op(s)} is not an operation of this spec`),
    ...report.snippetsForOtherModels.map((s) => `snippet ${s.id}: ${op(s)} here accepts model ${s.accepted.join(' | ')}, not ${JSON.stringify(s.model)}; left out`),
    ...(report.snippetsWithoutOperation.length > 0 ? [`skipped (no "method" + "path" in config.json): ${report.snippetsWithoutOperation.join(', ')}`] : []),
  ];
}
