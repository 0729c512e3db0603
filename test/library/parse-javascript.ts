import { parse } from 'acorn';
import type { ParsedProgram } from './parsed-program';

type AnyNode = { type: string; [key: string]: unknown };

const isNode = (value: unknown): value is AnyNode =>
  typeof value === 'object' && value !== null && typeof (value as AnyNode).type === 'string';

/** Visits every node of an ESTree tree, with its parent and the key that holds it. */
function walk(node: AnyNode, visit: (node: AnyNode, parent: AnyNode | null, key: string) => void, parent: AnyNode | null = null, key = ''): void {
  visit(node, parent, key);
  for (const [childKey, child] of Object.entries(node)) {
    if (Array.isArray(child)) child.forEach((item) => isNode(item) && walk(item, visit, node, childKey));
    else if (isNode(child)) walk(child, visit, node, childKey);
  }
}

/** Every node of a subtree: the binding names of `const { a, b: c } = require(…)`. */
function subtree(node: AnyNode): AnyNode[] {
  const nodes: AnyNode[] = [];
  walk(node, (child) => nodes.push(child));
  return nodes;
}

/** The names a declaration pattern binds: `{ setTimeout: sleep }` binds `sleep`. */
function boundNames(pattern: AnyNode): string[] {
  switch (pattern.type) {
    case 'Identifier':
      return [pattern.name as string];
    case 'ObjectPattern':
      return (pattern.properties as AnyNode[]).flatMap((p) => boundNames((p.type === 'RestElement' ? p.argument : p.value) as AnyNode));
    case 'ArrayPattern':
      return (pattern.elements as (AnyNode | null)[]).flatMap((e) => (e ? boundNames(e) : []));
    case 'AssignmentPattern':
      return boundNames(pattern.left as AnyNode);
    default:
      return [];
  }
}

const isRequireCall = (node: unknown): boolean =>
  isNode(node) && node.type === 'CallExpression' && isNode(node.callee) && node.callee.type === 'Identifier' && node.callee.name === 'require';

// The docs' Node quickstart sets up a CommonJS project (`npm init -y`, then require()), where a
// .js file with `import` stops with "Cannot use import statement outside a module" (or, on
// newer Node, runs after a module-type warning). Samples are CommonJS so that they run there as is.
const ESM_IN_COMMONJS =
  "uses import/export, which the docs' Node setup (npm init -y: a CommonJS project) cannot run as is: use require()";

/** Parses a JavaScript program as Node runs a .js file of a CommonJS project, and reads its string literals and defects. */
export function parseJavaScript(source: string): ParsedProgram {
  let program: AnyNode;
  try {
    program = parse(source, { ecmaVersion: 'latest', sourceType: 'script', locations: true }) as unknown as AnyNode;
  } catch (error) {
    let isModule = false;
    try {
      parse(source, { ecmaVersion: 'latest', sourceType: 'module', allowAwaitOutsideFunction: true });
      isModule = true;
    } catch {
      // Not an ES module either: the script parser's message says what is wrong.
    }
    return { error: isModule ? ESM_IN_COMMONJS : (error as Error).message, strings: [], lint: [] };
  }

  const strings: string[] = [];
  const required = new Set<string>();
  const bindings = new Set<AnyNode>();
  const used = new Set<string>();
  let callsMain = false;
  walk(program, (node, parent, key) => {
    if (node.type === 'Literal' && typeof node.value === 'string') strings.push(node.value);
    if (node.type === 'TemplateElement') strings.push(String((node.value as { cooked: unknown }).cooked ?? ''));
    if (node.type === 'CallExpression' && isNode(node.callee) && node.callee.type === 'Identifier' && node.callee.name === 'main') callsMain = true;
    // `const x = require(…)` and `const { a, b: c } = require(…)`: the names bound are imports.
    if (node.type === 'VariableDeclarator' && isNode(node.id) && (isRequireCall(node.init) || (isNode(node.init) && node.init.type === 'MemberExpression' && isRequireCall(node.init.object)))) {
      boundNames(node.id).forEach((name) => required.add(name));
      subtree(node.id).forEach((child) => bindings.add(child));
    }
    if (node.type !== 'Identifier' || bindings.has(node)) return;
    // `a.name` and `{ name: … }` mention a property, not the binding.
    if (parent?.type === 'MemberExpression' && key === 'property' && !parent.computed) return;
    if (parent?.type === 'Property' && key === 'key' && !parent.computed && !parent.shorthand) return;
    used.add(node.name as string);
  });

  const lint = [...required].filter((name) => !used.has(name)).map((name) => `requires "${name}" but never uses it`);
  if (!callsMain) lint.push('never calls main()');
  return { strings, lint };
}
