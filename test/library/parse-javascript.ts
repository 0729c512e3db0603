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

/** Parses a JavaScript ES module as Node 18+ runs it, and reads its string literals and defects. */
export function parseJavaScript(source: string): ParsedProgram {
  let program: AnyNode;
  try {
    program = parse(source, { ecmaVersion: 'latest', sourceType: 'module', allowAwaitOutsideFunction: true, locations: true }) as unknown as AnyNode;
  } catch (error) {
    return { error: (error as Error).message, strings: [], lint: [] };
  }

  const strings: string[] = [];
  const imported = new Set<string>();
  const used = new Set<string>();
  let callsMain = false;
  let usesRequire = false;
  walk(program, (node, parent, key) => {
    if (node.type === 'Literal' && typeof node.value === 'string') strings.push(node.value);
    if (node.type === 'TemplateElement') strings.push(String((node.value as { cooked: unknown }).cooked ?? ''));
    if (node.type === 'CallExpression' && isNode(node.callee) && node.callee.type === 'Identifier') {
      if (node.callee.name === 'main') callsMain = true;
      if (node.callee.name === 'require') usesRequire = true;
    }
    if (node.type !== 'Identifier') return;
    const name = node.name as string;
    if (parent?.type === 'ImportSpecifier' || parent?.type === 'ImportDefaultSpecifier' || parent?.type === 'ImportNamespaceSpecifier') {
      if (key === 'local') imported.add(name);
      return;
    }
    // `a.name` and `{ name: … }` mention a property, not the binding.
    if (parent?.type === 'MemberExpression' && key === 'property' && !parent.computed) return;
    if (parent?.type === 'Property' && key === 'key' && !parent.computed && !parent.shorthand) return;
    used.add(name);
  });

  const lint = [...imported].filter((name) => !used.has(name)).map((name) => `imports "${name}" but never uses it`);
  if (usesRequire) lint.push('calls require(), which an ES module does not have: use import');
  if (!callsMain) lint.push('never calls main()');
  return { strings, lint };
}
