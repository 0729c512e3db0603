import type { FileKind } from './file-kinds';

/**
 * Where a shape comes from. `page` is the docs page as the docs repository names it;
 * `seedLine` the line of the seed dump (../shared/seeds/000_88fed333798e75a5.txt, or the file
 * `seed` names) that shows it. `evidence` says how much the docs show:
 * - `example`: an example request or answer on the page;
 * - `schema`: an OpenAPI schema the page embeds;
 * - `docs-code`: the page's own example code sends or reads these fields;
 * - `prose`: the page describes them in words;
 * - `none`: the docs show nothing (unverified): the shape is the one the snippets rely on.
 */
export interface Source {
  page: string;
  seed?: string;
  seedLine: number | null;
  evidence: 'example' | 'schema' | 'docs-code' | 'prose' | 'none';
  note: string;
}

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'file';

/** A request field the docs document, with its type. */
export interface FieldSpec {
  type: FieldType;
  required?: boolean;
}

/** What the mock knows when it answers: for answers that link a file it serves. */
export interface AnswerContext {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The URL under which the mock serves files for this run: `${files}/mesh.glb`. */
  files: string;
}

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** One answer of the mock to an operation. */
export interface Answer {
  source: Source;
  /** The HTTP status; 200 unless the docs say otherwise. */
  status?: number;
  /** Only for requests whose `model` is one of these (ids as the snippets' defaults name them). */
  models?: string[];
  /**
   * A name for a second shape the API may send that the docs do not show: check:samples runs
   * the snippet's defaults once more with this answer, so that the code reading it is run too.
   */
  alternative?: string;
  /** A JSON answer, or a binary file of this kind. */
  body: Json | ((context: AnswerContext) => Json) | { file: FileKind };
  /** Text a reader must find in the program's output after this answer (the last of a run). */
  shows: string[];
}

/** One API operation, as the docs describe it: what the request carries and what the API answers. */
export interface OperationFixture {
  method: 'GET' | 'POST';
  /** From the API origin, as config.json's `path`. */
  path: string;
  request: {
    source: Source;
    /** JSON body, multipart form, or query string (a GET). */
    kind: 'json' | 'multipart' | 'query';
    /** Every field the docs document for this operation; a field sent outside this list is reported. */
    fields: Record<string, FieldSpec>;
  };
  /** The first that fits the request's model (then one without `models`) answers. */
  answers: Answer[];
  /** For a fetch snippets poll: the answer while the generation is not ready (the first two polls get it). */
  pending?: Answer;
}

/** Whether an answer body is a file rather than JSON. */
export const isFileBody = (body: Answer['body']): body is { file: FileKind } =>
  typeof body === 'object' && body !== null && !Array.isArray(body) && typeof (body as { file?: unknown }).file === 'string' && Object.keys(body).length === 1;
