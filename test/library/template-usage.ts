import Handlebars from 'handlebars';

type Node = hbs.AST.Node;
type Expression = hbs.AST.Expression;

/** What one template reads and how: the variables it needs, the helpers it calls, and what it does unsafely. */
export interface TemplateUsage {
  variables: Set<string>;
  /** The variables whose value lands in the code (not those only tested by {{#if}}). */
  printed: Set<string>;
  helpers: Set<string>;
  /** One readable message per construct that could put a value into the code unescaped. */
  unsafe: string[];
}

/** Helpers whose output is a complete, escaped literal: the only ones a template may print. */
export const ESCAPING_HELPERS: readonly string[] = ['str', 'lit', 'json'];

/** Blocks that keep the context, so every path inside them still names a payload variable. */
const BLOCKS = new Set(['if', 'unless']);

/**
 * Reads a template's Handlebars syntax tree (without rendering it). Throws Handlebars'
 * own parse error, which names the line, for a template that does not parse.
 */
export function templateUsage(source: string, helperNames: readonly string[]): TemplateUsage {
  const usage: TemplateUsage = { variables: new Set(), printed: new Set(), helpers: new Set(), unsafe: [] };
  const isHelper = (name: string) => helperNames.includes(name);
  const line = (node: Node) => `line ${node.loc?.start.line ?? '?'}`;

  const readPath = (path: hbs.AST.PathExpression, printed: boolean) => {
    if (path.data) return; // @lang and friends come from the renderer, never from a page.
    if (path.depth > 0 || path.parts.length !== 1) {
      usage.unsafe.push(`${line(path)}: "${path.original}" is not a plain variable name; variables are flat: {{str name}}`);
      return;
    }
    usage.variables.add(path.parts[0]!);
    if (printed) usage.printed.add(path.parts[0]!);
  };

  const readExpression = (node: Expression, printed: boolean) => {
    if (node.type === 'PathExpression') readPath(node as hbs.AST.PathExpression, printed);
    else if (node.type === 'SubExpression') readCall(node as hbs.AST.SubExpression, printed);
  };

  const readCall = (node: hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement, printed: boolean) => {
    const name = (node.path as hbs.AST.PathExpression).original;
    usage.helpers.add(name);
    // An unsupported block is reported once, by the block case below.
    if (!isHelper(name) && !BLOCKS.has(name) && node.type !== 'BlockStatement') usage.unsafe.push(`${line(node)}: "${name}" is not a known helper`);
    node.params.forEach((param) => readExpression(param, printed));
    node.hash?.pairs.forEach((pair) => readExpression(pair.value, printed));
  };

  const visit = (node: Node): void => {
    switch (node.type) {
      case 'Program':
        (node as hbs.AST.Program).body.forEach(visit);
        return;
      case 'ContentStatement':
      case 'CommentStatement':
        return;
      case 'MustacheStatement': {
        const mustache = node as hbs.AST.MustacheStatement;
        const path = mustache.path as hbs.AST.PathExpression;
        const hasArgs = mustache.params.length > 0 || (mustache.hash?.pairs.length ?? 0) > 0;
        if (path.type !== 'PathExpression') {
          usage.unsafe.push(`${line(node)}: a literal in {{…}} is not allowed`);
        } else if (!hasArgs && !isHelper(path.original)) {
          if (!path.data) usage.unsafe.push(`${line(node)}: {{${path.original}}} puts the value into the code unescaped; write {{str ${path.original}}}, {{lit …}} or {{json …}}`);
          readPath(path, true);
        } else {
          if (!ESCAPING_HELPERS.includes(path.original)) {
            usage.unsafe.push(`${line(node)}: {{${path.original} …}} prints its result unescaped; wrap it, e.g. {{str (${path.original} …)}}`);
          }
          readCall(mustache, true);
        }
        return;
      }
      case 'BlockStatement': {
        const block = node as hbs.AST.BlockStatement;
        const name = (block.path as hbs.AST.PathExpression).original;
        if (!BLOCKS.has(name)) usage.unsafe.push(`${line(node)}: {{#${name}}} is not supported; use {{#if}} or {{#unless}}`);
        readCall(block, false); // {{#if x}} tests x; it does not print it
        if (block.program) visit(block.program);
        if (block.inverse) visit(block.inverse);
        return;
      }
      default:
        usage.unsafe.push(`${line(node)}: ${node.type} is not supported in snippet templates`);
    }
  };

  visit(Handlebars.parse(source));
  return usage;
}
