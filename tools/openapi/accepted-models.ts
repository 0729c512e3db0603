type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Follows local `$ref`s (`#/components/...`) to the object they name; external refs give up. */
function deref(spec: Json, value: unknown, seen = new Set<string>()): Json | undefined {
  if (!isObject(value)) return undefined;
  const ref = value.$ref;
  if (typeof ref !== 'string') return value;
  if (!ref.startsWith('#/') || seen.has(ref)) return undefined;
  seen.add(ref);
  let target: unknown = spec;
  for (const part of ref.slice(2).split('/')) {
    target = isObject(target) ? target[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  return deref(spec, target, seen);
}

/** The `model` values a schema allows (`enum` or `const`), through `$ref`, `allOf`, `oneOf`, `anyOf`. */
function modelValues(spec: Json, schema: unknown, depth = 0): string[] | null {
  const node = deref(spec, schema);
  if (!node || depth > 8) return null;
  const properties = isObject(node.properties) ? node.properties : {};
  const model = deref(spec, properties.model);
  if (model) {
    if (Array.isArray(model.enum)) return model.enum.map(String);
    if (model.const !== undefined) return [String(model.const)];
  }
  const found: string[] = [];
  let any = false;
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    const members = node[key];
    if (!Array.isArray(members)) continue;
    for (const member of members) {
      const values = modelValues(spec, member, depth + 1);
      if (values) {
        any = true;
        found.push(...values);
      }
    }
  }
  return any ? [...new Set(found)] : null;
}

/**
 * The models an operation's JSON request body accepts, when its schema says (`model` with an
 * `enum` or `const`), else null. One endpoint of the AI/ML API serves many models, each
 * documented in a spec of its own: this tells which snippets belong on which spec.
 */
export function acceptedModels(spec: unknown, operation: Json): string[] | null {
  if (!isObject(spec)) return null;
  const body = deref(spec, operation.requestBody);
  const content = isObject(body?.content) ? body.content : {};
  const json = Object.entries(content).find(([type]) => /^application\/(?:[\w.+-]+\+)?json\b/.test(type))?.[1];
  return isObject(json) ? modelValues(spec, json.schema) : null;
}
