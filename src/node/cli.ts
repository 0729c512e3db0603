#!/usr/bin/env node
// The `aiml-snippets` command (package.json "bin"). Everything it does is in run-cli.ts.
import { runCli } from './run-cli.ts';

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
} catch (error) {
  // A file that cannot be read or written: say which, without a stack trace.
  process.stderr.write(`aiml-snippets: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
