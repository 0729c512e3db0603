// `npm run gitbook:fence -- <name> [variable=value …] [--library dir]`: prints the Markdown
// for a code-sample block, to paste into a Git-synced page, its body the sample's cURL.
import { parseArgs } from 'node:util';
import { closestNames, compileSnippet, renderSamples } from '../../../tools/snippet-library/library-renderer.ts';
import { readLibrary } from '../../../tools/snippet-library/read-library.ts';
import { usableOverrides } from '../lib/block-settings.ts';
import { markdownFence } from '../lib/markdown-fence.ts';
import { blockSnippet, fallbackLanguage } from './build-integration.ts';

const USAGE = 'Usage: npm run gitbook:fence -- <group.name> [variable=value …] [--library shared/snippets]';

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { library: { type: 'string', default: 'shared/snippets' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [name, ...pairs] = parsed.positionals;
  if (parsed.values.help || !name) {
    (name ? console.log : console.error)(USAGE);
    return name ? 0 : 2;
  }
  try {
    const library = readLibrary(parsed.values.library);
    const snippet = library.find((s) => s.id === name);
    if (!snippet) {
      const near = closestNames(name, library.map((s) => s.id));
      throw new Error(`"${name}" is not a sample of the library.${near.length ? ` Did you mean ${near.join(', ')}?` : ''}`);
    }
    const overrides: Record<string, string> = {};
    for (const pair of pairs) {
      const at = pair.indexOf('=');
      if (at < 1) throw new Error(`${JSON.stringify(pair)} is not variable=value, e.g. model=gpt-4o.`);
      overrides[pair.slice(0, at)] = pair.slice(at + 1);
    }
    const block = blockSnippet(snippet);
    const usable = usableOverrides(block, overrides);
    const ignored = Object.keys(overrides).filter((key) => !(key in usable));
    if (ignored.length > 0) {
      const names = block.variables.filter((v) => !v.secret).map((v) => v.name);
      throw new Error(`${ignored.join(', ')}: not a variable a page may set on ${name} (secrets never are). Its variables: ${names.join(', ')}.`);
    }
    const lang = fallbackLanguage(snippet);
    const body = lang ? renderSamples(compileSnippet(snippet), usable).find((s) => s.lang === lang)!.code : '';
    process.stdout.write(markdownFence({ name, overrides: usable }, body));
    return 0;
  } catch (error) {
    console.error(`gitbook:fence: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
