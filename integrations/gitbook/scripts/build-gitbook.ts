// `npm run build:gitbook -- [--cdn <url>] [--release-manifest dist/manifest.json] [--library dir] [--organization org] [--out dir]`
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { buildIntegration } from './build-integration.ts';

const USAGE =
  'Usage: npm run build:gitbook -- --cdn https://cdn.example.com/snippets/<version>/ [--release-manifest dist/manifest.json] [--library shared/snippets] [--organization <org>] [--out integrations/gitbook/dist]\n' +
  '--cdn defaults to SNIPPETS_CDN_PREFIX (the folder the release was built for), --organization to GITBOOK_ORGANIZATION.';

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        cdn: { type: 'string', default: process.env.SNIPPETS_CDN_PREFIX },
        'release-manifest': { type: 'string', default: 'dist/manifest.json' },
        library: { type: 'string', default: 'shared/snippets' },
        organization: { type: 'string', default: process.env.GITBOOK_ORGANIZATION },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.cdn) {
    console.error(`Name the CDN folder of the widget release the frame page loads: --cdn, or SNIPPETS_CDN_PREFIX.\n${USAGE}`);
    return 2;
  }
  try {
    const result = await buildIntegration({
      cdn: values.cdn,
      releaseManifest: values['release-manifest'],
      library: values.library,
      organization: values.organization,
      outDir: values.out,
    });
    const where = relative(process.cwd(), result.outDir) || '.';
    console.log(`GitBook integration built in ${where}/ (${result.snippets} snippets): gitbook-manifest.yaml, script.js, frame.html.`);
    console.log(`Publish it: cd ${where} && npx @gitbook/cli@0.25.1 publish .`);
    return 0;
  } catch (error) {
    console.error(`build:gitbook: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
