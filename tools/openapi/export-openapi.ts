// `npm run export:openapi -- <spec.yaml|json> [-o out] [--library dir]`: the library's samples
// into a spec's x-codeSamples. The spec goes to stdout (or -o), the report to stderr.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readLibrary } from '../snippet-library/read-library.ts';
import { addCodeSamples, formatReport } from './add-code-samples.ts';
import { specFormat } from './write-code-samples.ts';

const USAGE = 'Usage: npm run export:openapi -- <spec.yaml|spec.json> [-o <out>] [--library <dir>]';

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { output: { type: 'string', short: 'o' }, library: { type: 'string', default: 'shared/snippets' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(`${positionals.length === 0 ? 'Name the spec to export into.' : `One spec at a time (got ${positionals.join(', ')}).`}\n${USAGE}`);
    return 2;
  }
  const specPath = positionals[0]!;
  try {
    let text: string;
    try {
      text = readFileSync(specPath, 'utf8');
    } catch (error) {
      throw new Error(`Cannot read the spec ${specPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, { cause: error });
    }
    const { text: output, report } = addCodeSamples(text, specFormat(specPath), readLibrary(values.library));
    if (values.output) writeFileSync(values.output, output);
    else process.stdout.write(output);
    for (const line of formatReport(report)) console.error(line);
    return 0;
  } catch (error) {
    console.error(`export:openapi: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
