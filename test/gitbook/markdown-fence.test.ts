// @vitest-environment node
// The block in Git-synced Markdown: the fence `npm run gitbook:fence` prints, which Git Sync
// turns into the block (name and overrides from its attributes, the cURL as its body).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingsFromProps } from '../../integrations/gitbook/lib/block-settings';
import { markdownFence } from '../../integrations/gitbook/lib/markdown-fence';
import { compileSnippet, renderSamples } from '../../tools/snippet-library/library-renderer';
import { readLibrary } from '../../tools/snippet-library/read-library';

const ROOT = join(import.meta.dirname, '../..');

describe('markdownFence', () => {
  it('writes the name and the overrides as attributes, and the body inside', () => {
    expect(markdownFence({ name: 'open-ai.embedding', overrides: { model: 'm', baseUrl: 'https://x.test/v1' } }, 'curl x')).toBe(
      '```aiml-snippet name="open-ai.embedding" model="m" baseUrl="https://x.test/v1"\ncurl x\n```\n',
    );
  });

  it('uses a longer fence than any backtick run of the body', () => {
    expect(markdownFence({ name: 'a.b', overrides: {} }, 'echo ```x```\n')).toBe('````aiml-snippet name="a.b"\necho ```x```\n````\n');
  });

  it('refuses a value an attribute cannot hold, saying where to set it instead', () => {
    expect(() => markdownFence({ name: 'a.b', overrides: { prompt: 'Say "hi"' } }, '')).toThrow(
      'prompt="Say \\"hi\\"" cannot be written in a fence: its attributes are one line, in double quotes. Set this value in the block\'s settings in the editor instead.',
    );
  });
});

describe.concurrent('npm run gitbook:fence', () => {
  const tsx = join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/cli.mjs');
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['gitbook:fence']!.replace(/^tsx /, '');
  // Async, so that the runs overlap: each is mostly Node and tsx starting.
  const run = (...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> =>
    new Promise((done) => {
      const child = execFile(process.execPath, [tsx, script, ...args], { cwd: ROOT, encoding: 'utf8' }, (_error, stdout, stderr) =>
        done({ status: child.exitCode, stdout, stderr }),
      );
    });

  it('prints the fence with the sample’s cURL, rendered with the values, whose attributes give back the settings', { timeout: 30_000 }, async () => {
    const result = await run('open-ai.chat-completion', 'model=gpt-4o-mini', "prompt=What's new?");
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const chat = readLibrary(join(ROOT, 'shared/snippets')).find((s) => s.id === 'open-ai.chat-completion')!;
    const curl = renderSamples(compileSnippet(chat), { model: 'gpt-4o-mini', prompt: "What's new?" }).find((s) => s.lang === 'sh')!.code;
    expect(result.stdout).toBe(`\`\`\`aiml-snippet name="open-ai.chat-completion" model="gpt-4o-mini" prompt="What's new?"\n${curl.replace(/\n?$/, '\n')}\`\`\`\n`);
    // Git Sync makes each attribute a prop of the block (GitBook's documented mapping).
    const info = result.stdout.split('\n', 1)[0]!;
    const props = Object.fromEntries([...info.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    expect(settingsFromProps(props)).toEqual({ name: 'open-ai.chat-completion', overrides: { model: 'gpt-4o-mini', prompt: "What's new?" } });
  });

  it('refuses secrets, unknown variables and unknown names, with the fix', { timeout: 30_000 }, async () => {
    const [secret, unknown, bad, none] = await Promise.all([
      run('open-ai.chat-completion', 'apiKey=sk-1'),
      run('open-ai.chat-completions'),
      run('open-ai.chat-completion', 'model'),
      run(),
    ]);
    expect(secret.status).toBe(1);
    expect(secret.stderr).toMatch(/^gitbook:fence: apiKey: not a variable a page may set on open-ai\.chat-completion \(secrets never are\)\. Its variables: baseUrl, model/);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^gitbook:fence: "open-ai\.chat-completions" is not a sample of the library\. Did you mean open-ai\.chat-completion/);
    expect(bad.stderr).toBe('gitbook:fence: "model" is not variable=value, e.g. model=gpt-4o.\n');
    expect(none.status).toBe(2);
  });
});
