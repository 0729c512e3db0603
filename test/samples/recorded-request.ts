import { createHash } from 'node:crypto';

/** An uploaded file of a multipart body. */
export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
  sha1: string;
}

export type RequestBody =
  | { kind: 'empty' }
  | { kind: 'json'; value: unknown }
  | { kind: 'multipart'; fields: Record<string, string>; files: UploadedFile[] }
  | { kind: 'invalid'; reason: string };

/** One request the mock received, decoded. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** Decoded query parameters, in the order sent. */
  query: [string, string][];
  authorization: string | null;
  body: RequestBody;
  /** Milliseconds since the run opened. */
  at: number;
  /** `POST /v1/chat/completions` when it matched an operation; `download` for the run's files; null otherwise. */
  operation: string | null;
  /** The HTTP status the mock answered with. */
  status: number;
}

/** Decodes a request body by its Content-Type. */
export function decodeBody(contentType: string | undefined, raw: Buffer): RequestBody {
  if (raw.length === 0) return { kind: 'empty' };
  const type = (contentType ?? '').toLowerCase();
  if (type.startsWith('application/json')) {
    try {
      return { kind: 'json', value: JSON.parse(raw.toString('utf8')) };
    } catch (error) {
      return { kind: 'invalid', reason: `a JSON body that does not parse: ${(error as Error).message}` };
    }
  }
  if (type.startsWith('multipart/form-data')) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
    if (!boundary) return { kind: 'invalid', reason: 'a multipart body without a boundary' };
    return parseMultipart(raw, boundary[1] ?? boundary[2]!);
  }
  return { kind: 'invalid', reason: `a body of type ${JSON.stringify(contentType ?? 'none')} (expected JSON or a multipart form)` };
}

/** Parses multipart/form-data: the text fields and the files, as a server would read them. */
export function parseMultipart(raw: Buffer, boundary: string): RequestBody {
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let start = raw.indexOf(delimiter);
  if (start === -1) return { kind: 'invalid', reason: 'a multipart body without its boundary' };
  for (;;) {
    start += delimiter.length;
    if (raw.subarray(start, start + 2).toString() === '--') break;
    const next = raw.indexOf(delimiter, start);
    if (next === -1) return { kind: 'invalid', reason: 'a multipart body that does not end with its closing boundary' };
    // Each part: CRLF, headers, a blank line, the content, then CRLF before the next boundary.
    const part = raw.subarray(start + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    if (split === -1) return { kind: 'invalid', reason: 'a multipart part without headers' };
    const headers = part.subarray(0, split).toString('utf8');
    const content = part.subarray(split + 4);
    const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
    const name = dispositionParam(disposition, 'name');
    const filename = dispositionParam(disposition, 'filename');
    if (name === null) return { kind: 'invalid', reason: `a multipart part without a name: ${JSON.stringify(headers)}` };
    if (filename === null) fields[name] = content.toString('utf8');
    else {
      const contentType = /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim() ?? '';
      files.push({ field: name, filename, contentType, size: content.length, sha1: createHash('sha1').update(content).digest('hex') });
    }
    start = next;
  }
  return { kind: 'multipart', fields, files };
}

// `filename="a b.mp3"`: quoted, with the escapes clients use for quotes and line breaks
// (percent-encoded, as the HTML standard has fetch do, or backslash-escaped).
function dispositionParam(disposition: string, param: string): string | null {
  const match = new RegExp(`;\\s*${param}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(disposition);
  if (!match) return null;
  return match[1]!.replace(/\\(.)/g, '$1').replace(/%(22|0A|0D)/gi, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Every text a request carries, for finding the values a program was given: JSON strings, query values, form fields, file names. */
export function requestTexts(request: RecordedRequest): string[] {
  const texts = request.query.map(([, value]) => value);
  const { body } = request;
  if (body.kind === 'json') collect(body.value, (value) => typeof value === 'string' && texts.push(value));
  if (body.kind === 'multipart') texts.push(...Object.values(body.fields), ...body.files.map((f) => f.filename));
  return texts;
}

/** Every number and boolean of a request's JSON body. */
export function requestScalars(request: RecordedRequest): (number | boolean)[] {
  const scalars: (number | boolean)[] = [];
  if (request.body.kind === 'json') collect(request.body.value, (value) => (typeof value === 'number' || typeof value === 'boolean') && scalars.push(value));
  return scalars;
}

function collect(value: unknown, visit: (leaf: unknown) => unknown): void {
  if (Array.isArray(value)) value.forEach((item) => collect(item, visit));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((item) => collect(item, visit));
  else visit(value);
}

/**
 * A request as text that two tabs doing the same thing write alike: method, path, the query
 * sorted, the body with sorted keys. Form fields' line breaks are written as LF: the HTML
 * standard has fetch's FormData send CRLF for every line break, which the server reads as the
 * same text. A run's file URLs lose their run id.
 */
export function normalizeRequest(request: RecordedRequest): string {
  const query = [...request.query].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  const path = request.operation === 'download' ? request.path.replace(/^\/files\/[^/]+\//, '/files/<run>/') : request.path;
  const line = `${request.method} ${path}${query.length ? `?${query.join('&')}` : ''}`;
  const { body } = request;
  switch (body.kind) {
    case 'empty':
      return line;
    case 'json':
      return `${line} ${stableJson(body.value)}`;
    case 'multipart': {
      const fields = Object.keys(body.fields).sort().map((k) => `${k}=${JSON.stringify(body.fields[k]!.replace(/\r\n?/g, '\n'))}`);
      const files = body.files.map((f) => `${f.field}=@${JSON.stringify(f.filename)};type=${f.contentType};${f.size} bytes;sha1=${f.sha1}`);
      return `${line} form(${[...fields, ...files].join(', ')})`;
    }
    case 'invalid':
      return `${line} <${body.reason}>`;
  }
}

/** JSON with object keys sorted. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
