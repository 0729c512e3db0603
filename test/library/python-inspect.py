"""Parses Python programs for the library check: reads a JSON list of sources on stdin and
prints, for each, its syntax error or what the check needs (string literals, unused imports,
whether main() is called). One process for the whole library keeps the check fast."""
import ast
import json
import sys


def inspect(source):
    try:
        tree = ast.parse(source)
        # compile() also catches what the parser lets through, e.g. `return` outside a function.
        compile(tree, "<snippet>", "exec")
    except SyntaxError as error:
        return {"error": f"line {error.lineno}: {error.msg}"}

    nodes = list(ast.walk(tree))
    imported = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            imported.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.update(alias.asname or alias.name for alias in node.names)
    used = {node.id for node in nodes if isinstance(node, ast.Name)}
    return {
        "strings": [node.value for node in nodes if isinstance(node, ast.Constant) and isinstance(node.value, str)],
        "unusedImports": sorted(imported - used),
        "callsMain": any(
            isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "main" for node in nodes
        ),
    }


json.dump([inspect(source) for source in json.load(sys.stdin)], sys.stdout)
