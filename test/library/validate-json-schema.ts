/**
 * A JSON Schema validator for the keywords `config.schema.json` uses, and no more.
 *
 * The project has no validator dependency, and the schema is small: a few dozen lines here
 * keep the check honest without a new package. An unknown keyword is an error, so the
 * schema cannot silently grow past what is checked.
 */
export type JsonSchema = Record<string, unknown>;

const KNOWN = new Set([
  '$schema', '$id', 'title', 'description', 'type', 'const', 'enum', 'required', 'properties',
  'additionalProperties', 'propertyNames', 'items', 'uniqueItems', 'minLength', 'maxLength', 'pattern', 'format', 'not',
]);

const typeOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;

const matchesType = (value: unknown, type: string): boolean =>
  type === 'number' ? typeof value === 'number' : type === typeOf(value);

const show = (value: unknown): string => JSON.stringify(value);

function isAbsoluteUri(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** Validates `value` against `schema`; returns one message per violation, each starting with the JSON pointer. */
export function validateJsonSchema(schema: JsonSchema, value: unknown, pointer = ''): string[] {
  const at = pointer || '(root)';
  const errors: string[] = [];
  for (const keyword of Object.keys(schema)) {
    if (!KNOWN.has(keyword)) errors.push(`${at}: the schema uses "${keyword}", which this validator does not support`);
  }
  if ('const' in schema && show(value) !== show(schema.const)) errors.push(`${at} must be ${show(schema.const)}, not ${show(value)}`);
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => show(option) === show(value))) {
    errors.push(`${at} must be one of ${schema.enum.map(show).join(', ')}, not ${show(value)}`);
  }
  if (schema.type !== undefined) {
    const types = ([] as string[]).concat(schema.type as string | string[]);
    if (!types.some((type) => matchesType(value, type))) {
      return [...errors, `${at} must be of type ${types.join(' or ')}, not ${typeOf(value)}`];
    }
  }
  if (schema.not && validateJsonSchema(schema.not as JsonSchema, value, pointer).length === 0) {
    errors.push(`${at} must not be ${show(value)}`);
  }
  if (typeof value === 'string') errors.push(...validateString(schema, value, at));
  if (Array.isArray(value)) errors.push(...validateArray(schema, value, pointer));
  if (typeOf(value) === 'object') errors.push(...validateObject(schema, value as Record<string, unknown>, pointer));
  return errors;
}

function validateString(schema: JsonSchema, value: string, at: string): string[] {
  const errors: string[] = [];
  if (typeof schema.minLength === 'number' && [...value].length < schema.minLength) {
    errors.push(`${at} must not be shorter than ${schema.minLength} character(s), got ${show(value)}`);
  }
  if (typeof schema.maxLength === 'number' && [...value].length > schema.maxLength) {
    errors.push(`${at} must not be longer than ${schema.maxLength} character(s), got ${[...value].length}`);
  }
  if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
    errors.push(`${at} must match ${schema.pattern}, got ${show(value)}`);
  }
  if (schema.format === 'uri' && !isAbsoluteUri(value)) errors.push(`${at} must be an absolute URI, got ${show(value)}`);
  return errors;
}

function validateArray(schema: JsonSchema, value: unknown[], pointer: string): string[] {
  const errors: string[] = [];
  if (schema.items) value.forEach((item, i) => errors.push(...validateJsonSchema(schema.items as JsonSchema, item, `${pointer}/${i}`)));
  if (schema.uniqueItems === true && new Set(value.map(show)).size !== value.length) {
    errors.push(`${pointer || '(root)'} must not repeat items, got ${show(value)}`);
  }
  return errors;
}

function validateObject(schema: JsonSchema, value: Record<string, unknown>, pointer: string): string[] {
  const errors: string[] = [];
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  for (const key of (schema.required ?? []) as string[]) {
    if (!(key in value)) errors.push(`${pointer || '(root)'} must have "${key}"`);
  }
  for (const [key, item] of Object.entries(value)) {
    const path = `${pointer}/${key}`;
    if (schema.propertyNames) {
      errors.push(...validateJsonSchema(schema.propertyNames as JsonSchema, key, path).map((e) => `${e} (a key)`));
    }
    if (key in properties) errors.push(...validateJsonSchema(properties[key]!, item, path));
    else if (schema.additionalProperties === false) errors.push(`${path} is not allowed here`);
    else if (typeof schema.additionalProperties === 'object') {
      errors.push(...validateJsonSchema(schema.additionalProperties as JsonSchema, item, path));
    }
  }
  return errors;
}
