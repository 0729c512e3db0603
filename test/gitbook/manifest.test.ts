// @vitest-environment node
// gitbook-manifest.yaml, the source one and the one the build writes for publishing, against
// the schema @gitbook/cli validates it with, and against what the runtime answers to.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { FALLBACK_PROP } from '../../integrations/gitbook/lib/block-settings';
import { IntegrationManifestSchema } from './cli-manifest-schema';
import { buildFixtureIntegration, type FixtureIntegration } from './fixture-integration';
import { loadIntegration, testEnvironment } from './gitbook-dispatcher';

const SOURCE = join(import.meta.dirname, '../../integrations/gitbook/gitbook-manifest.yaml');
const read = (path: string) => YAML.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

let fixture: FixtureIntegration;
beforeAll(async () => {
  fixture = await buildFixtureIntegration({ organization: 'aiml-docs-org' });
});
afterAll(() => fixture?.cleanup());

describe('gitbook-manifest.yaml', () => {
  it('the source manifest passes the CLI’s schema', () => {
    const result = IntegrationManifestSchema.safeParse(read(SOURCE));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('declares a private integration with the code-sample block and its Markdown fence', () => {
    const manifest = IntegrationManifestSchema.parse(read(SOURCE));
    expect(manifest.visibility).toBe('private');
    expect(manifest.scopes).toEqual([]);
    expect(manifest.blocks).toEqual([
      {
        id: 'snippet',
        title: 'AI/ML API code sample',
        description: 'A sample from the AI/ML API snippet library, with a tab per language and Copy.',
        markdown: { codeblock: 'aiml-snippet', body: FALLBACK_PROP },
      },
    ]);
  });

  it('the built manifest passes too, with the build’s script, organization and link patterns, everything else kept', () => {
    const built = IntegrationManifestSchema.parse(read(fixture.build.manifest));
    const source = IntegrationManifestSchema.parse(read(SOURCE));
    expect(built).toEqual({
      ...source,
      script: './script.js',
      organization: 'aiml-docs-org',
      blocks: [{ ...source.blocks![0]!, urlUnfurl: ['https://cdn.example.test/snippets/**'] }],
    });
    expect(readFileSync(fixture.build.manifest, 'utf8')).toMatch(/^# Built by `npm run build:gitbook`/);
  });

  it('names a block the built script renders, and a script that is there', async () => {
    const manifest = IntegrationManifestSchema.parse(read(fixture.build.manifest));
    const script = join(fixture.build.outDir, manifest.script);
    expect(script).toBe(fixture.build.script);
    const send = await loadIntegration(script, () => testEnvironment(manifest.name, 1, 'https://integrations.gitbook.test/v1/integrations/x/integration'));
    const context = { type: 'document', spaceId: 's', editable: false, theme: 'light' };
    const response = await send({ type: 'ui_render', componentId: manifest.blocks![0]!.id, props: { name: 'open-ai.embedding' }, context });
    expect(response.status).toBe(200);
    const other = await send({ type: 'ui_render', componentId: 'not-a-block', props: {}, context });
    expect(other.status).toBe(404);
  });

  it('the schema is the CLI’s: it refuses what the CLI refuses', () => {
    const source = read(SOURCE);
    const blocks = source.blocks as Record<string, unknown>[];
    const cases: [string, Record<string, unknown>][] = [
      ['visibility', { ...source, visibility: 'secret' }],
      ['name', { ...source, name: 'AI/ML snippets' }],
      ['scopes.0', { ...source, scopes: ['space:everything'] }],
      ['blocks.0.title', { ...source, blocks: [{ ...blocks[0], title: 'X' }] }],
      ['blocks.0.markdown.body', { ...source, blocks: [{ ...blocks[0], markdown: { codeblock: 'aiml-snippet' } }] }],
      ['organization', { ...source, organization: undefined }],
    ];
    for (const [path, manifest] of cases) {
      const result = IntegrationManifestSchema.safeParse(manifest);
      expect(result.success, path).toBe(false);
      expect(result.error!.issues.map((issue) => issue.path.join('.')), path).toContain(path);
    }
  });
});
