import ts from 'typescript';
import type { ParsedProgram } from './parsed-program';

/** Parses a TypeScript module (syntax only: a sample need not type-check against packages it imports). */
export function parseTypeScript(source: string): ParsedProgram {
  const file = ts.createSourceFile('snippet.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const diagnostics = (file as unknown as { parseDiagnostics: readonly ts.Diagnostic[] }).parseDiagnostics;
  if (diagnostics.length > 0) {
    const first = diagnostics[0]!;
    const { line } = file.getLineAndCharacterOfPosition(first.start ?? 0);
    return { error: `line ${line + 1}: ${ts.flattenDiagnosticMessageText(first.messageText, '\n')}`, strings: [], lint: [] };
  }
  const strings: string[] = [];
  let callsMain = false;
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateMiddle(node) || ts.isTemplateHead(node) || ts.isTemplateTail(node)) strings.push(node.text);
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'main') callsMain = true;
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { strings, lint: callsMain ? [] : ['never calls main()'] };
}
