/** The HTTP methods an OpenAPI path item may hold, lower case as the spec writes them. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export type HttpMethod = (typeof HTTP_METHODS)[number];

/** One operation of a spec, with every full path a client may call it at. */
export interface SpecOperation {
  method: HttpMethod;
  /** The key under `paths`, as written: `/generate/audio`. */
  path: string;
  /** The operation object itself (part of the parsed spec). */
  operation: Record<string, unknown>;
  /**
   * The path with each applicable server's base path in front (`servers[].url`'s path, or
   * Swagger 2's `basePath`): `/v2/generate/audio` for server `https://api.aimlapi.com/v2`.
   */
  fullPaths: string[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Lists a parsed OpenAPI 3.x or Swagger 2.0 document's operations, in document order. */
export function listOperations(spec: unknown): SpecOperation[] {
  if (!isObject(spec) || !(typeof spec.openapi === 'string' || typeof spec.swagger === 'string')) {
    throw new Error('This is not an OpenAPI document: it has no "openapi" (or Swagger 2 "swagger") version field at its top level.');
  }
  const paths = isObject(spec.paths) ? spec.paths : {};
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const [key, operation] of Object.entries(item)) {
      const method = key as HttpMethod;
      if (!HTTP_METHODS.includes(method) || !isObject(operation)) continue;
      const bases = basePaths(spec, item, operation);
      operations.push({ method, path, operation, fullPaths: [...new Set(bases.map((base) => joinPath(base, path)))] });
    }
  }
  return operations;
}

/** The base paths of the servers that apply to an operation (its own, its path's, the document's). */
function basePaths(spec: Json, item: Json, operation: Json): string[] {
  if (typeof spec.swagger === 'string') return [typeof spec.basePath === 'string' ? spec.basePath : ''];
  const servers = [operation.servers, item.servers, spec.servers].find((list) => Array.isArray(list) && list.length > 0) as unknown[] | undefined;
  if (!servers) return ['']; // No servers: the spec says the default is `/`.
  return servers.filter(isObject).map((server) => serverBasePath(server));
}

/** `https://api.example.com/{version}` with `version` defaulting to `v1` → `/v1`. */
function serverBasePath(server: Json): string {
  const variables = isObject(server.variables) ? server.variables : {};
  const url = String(server.url ?? '').replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    return isObject(variable) && variable.default !== undefined ? String(variable.default) : whole;
  });
  try {
    // A relative URL (`/v1`) is relative to where the document is served: only its path matters here.
    return decodeURI(new URL(url, 'http://relative.invalid').pathname);
  } catch {
    return '';
  }
}

const joinPath = (base: string, path: string) => `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;

/**
 * A path reduced to what identifies an operation: no query or fragment, no trailing or
 * doubled slash, and every `{parameter}` the same (`/jobs/{id}` and `/jobs/{job_id}` are one).
 */
export function normalizePath(path: string): string {
  const bare = path.split(/[?#]/, 1)[0]!.replace(/\/{2,}/g, '/').replace(/\{[^}]*\}/g, '{}');
  const trimmed = bare.length > 1 ? bare.replace(/\/+$/, '') : bare;
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/**
 * Finds the operation a snippet's `method` + `path` names. The path is matched first as a
 * full path (server base path + spec path: `/v1/chat/completions` for server `…/v1` and
 * path `/chat/completions`), then as the spec's own path key, so configs may use either
 * convention whatever servers the spec declares.
 */
export function findOperation(operations: readonly SpecOperation[], method: string, path: string): SpecOperation | undefined {
  const wantedMethod = method.toLowerCase();
  const wanted = normalizePath(path);
  const sameMethod = operations.filter((op) => op.method === wantedMethod);
  return (
    sameMethod.find((op) => op.fullPaths.some((full) => normalizePath(full) === wanted)) ??
    sameMethod.find((op) => normalizePath(op.path) === wanted)
  );
}
