// @vitest-environment node
// The built integration script (what `gitbook publish` uploads), driven the way GitBook
// drives it: `ui_render` events for the block and its settings modal, with and without an
// action, and `fetch` events for the frame page.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileSnippet, renderSamples } from '../../tools/snippet-library/library-renderer';
import { readLibrary } from '../../tools/snippet-library/read-library';
import { buildFixtureIntegration, CDN, INTEGRITY, type FixtureIntegration } from './fixture-integration';
import { loadIntegration, testEnvironment } from './gitbook-dispatcher';

const ENDPOINT = 'https://integrations.gitbook.test/v1/integrations/aiml-api-snippets/integration';
const CONTENT = 'https://content.gitbook.test/v1/integrations/aiml-api-snippets/integration';
const environment = testEnvironment('aiml-api-snippets', 5, ENDPOINT, CONTENT);
const library = readLibrary('shared/snippets');
const chat = library.find((s) => s.id === 'open-ai.chat-completion')!;

let fixture: FixtureIntegration;
let send: Awaited<ReturnType<typeof loadIntegration>>;
beforeAll(async () => {
  fixture = await buildFixtureIntegration();
  send = await loadIntegration(fixture.build.script, () => environment);
});
afterAll(() => fixture?.cleanup());

const READER = { type: 'document', spaceId: 'space-1', editable: false, theme: 'light' };
const EDITOR = { ...READER, editable: true };

async function render(componentId: string, fields: Record<string, unknown>) {
  const response = await send({ type: 'ui_render', componentId, context: READER, ...fields });
  const body = (await response.json()) as Record<string, unknown> & { element: Record<string, unknown> & { children: Record<string, unknown>[] } };
  return { status: response.status, headers: response.headers, body };
}

const hints = (children: Record<string, unknown>[]) =>
  children.filter((c) => c.type === 'hint').map((c) => ((c.children as { children: string }[])[0]!).children);

const FRAME_URL = `${CONTENT}/frame?v=5-9.8.7`;

describe('the block, as GitBook renders it', () => {
  it('is a webframe on the integration’s content endpoint, fed the settings through data bindings', async () => {
    const props = { name: 'open-ai.chat-completion', model: 'gpt-4o-mini', fallback: 'curl https://api.aimlapi.com/v1/chat/completions' };
    const { status, headers, body } = await render('snippet', { props });
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('max-age=86400');
    expect(body).toEqual({
      type: 'element',
      state: { name: 'open-ai.chat-completion', overrides: { model: 'gpt-4o-mini' } },
      props,
      element: {
        type: 'block',
        controls: [
          {
            label: 'Choose the code sample',
            icon: 'settings',
            onPress: { action: '@ui.modal.open', componentId: 'settings', props: { name: 'open-ai.chat-completion', overrides: { model: 'gpt-4o-mini' } } },
          },
        ],
        children: [{ type: 'webframe', source: { url: FRAME_URL }, data: { name: { $state: 'name' }, overrides: { $state: 'overrides' } } }],
      },
    });
  });

  it('renders from the state GitBook keeps, once it has one (the settings saved in the editor)', async () => {
    const { body } = await render('snippet', { props: { name: 'open-ai.chat-completion' }, state: { name: 'open-ai.embedding', overrides: { model: 'm' } } });
    expect(body.state).toEqual({ name: 'open-ai.embedding', overrides: { model: 'm' } });
  });

  it('tells the author, in the editor only, what in its settings is ignored or wrong', async () => {
    const props = { name: 'open-ai.chat-completion', apiKey: 'sk-real-key', temperatur: '0.2', maxTokens: 'lots' };
    const editor = await render('snippet', { props, context: EDITOR });
    expect(hints(editor.body.element.children)).toEqual([
      'apiKey is a secret: a docs page always shows its placeholder (readers paste their own), so it is ignored. Remove it.',
      `temperatur is not a variable of open-ai.chat-completion, so it is ignored. Its variables: ${Object.keys(chat.config.payload).filter((k) => k !== 'apiKey').join(', ')}.`,
      `maxTokens is "lots", not a number: write a number, e.g. ${chat.config.payload.maxTokens}.`,
    ]);
    // The frame gets only what it may use: no secret, no unknown name.
    expect(editor.body.state).toEqual({ name: 'open-ai.chat-completion', overrides: { maxTokens: 'lots' } });
    expect(editor.body.element.children.at(-1)).toMatchObject({ type: 'webframe' });
    const reader = await render('snippet', { props });
    expect(hints(reader.body.element.children)).toEqual([]);
  });

  it('names the closest samples for an unknown name', async () => {
    const { body } = await render('snippet', { props: { name: 'open-ai.chat-completions' }, context: EDITOR });
    expect(hints(body.element.children)).toEqual([
      expect.stringMatching(/^"open-ai\.chat-completions" is not a sample of the library\. Did you mean open-ai\.chat-completion[,?].* Pick one in the block's settings\.$/),
    ]);
  });

  it('asks the author to pick a sample when it has none, and shows readers nothing', async () => {
    const editor = await render('snippet', { props: {}, context: EDITOR });
    expect(editor.body.element.children).toEqual([{ type: 'hint', children: [{ type: 'text', children: 'Pick a sample from the AI/ML API library: open this block’s settings (⚙).' }] }]);
    expect((await render('snippet', { props: {} })).body.element.children).toEqual([]);
  });
});

interface Input {
  type: 'input';
  label: string;
  hint: string;
  element: { type: string; state: string; initialValue?: string; placeholder?: string; options?: { id: string; label: string }[]; onValueChange?: unknown };
}

describe('the settings modal', () => {
  it('lists every sample, grouped, by title and id, then a field per variable of the one picked (no secrets)', async () => {
    const { body } = await render('settings', { props: { name: 'open-ai.chat-completion', overrides: { model: 'x-model' } } });
    const modal = body.element as unknown as { type: string; title: string; children: Input[]; submit: unknown };
    expect(modal.type).toBe('modal');
    expect(modal.title).toBe('AI/ML API code sample');
    const [picker, ...fields] = modal.children;
    expect(picker!.element).toMatchObject({ type: 'select', state: 'name', initialValue: 'open-ai.chat-completion', onValueChange: { action: 'settings.pick', name: { $state: 'name' } } });
    const options = picker!.element.options!;
    expect(options.map((o) => o.id).sort()).toEqual(library.map((s) => s.id).sort());
    const groups = options.map((o) => o.id.split('.')[0]!);
    expect(groups, 'grouped: each group’s samples together, groups in order').toEqual([...groups].sort());
    for (const option of options) {
      const snippet = library.find((s) => s.id === option.id)!;
      expect(option.label).toBe(`${snippet.group} › ${snippet.config.title} · ${snippet.id}`);
    }
    const variables = Object.entries(chat.config.payload).filter(([name]) => !chat.config.secrets?.includes(name));
    expect(fields.map((f) => [f.label, f.element.type, f.element.state, f.element.initialValue, f.element.placeholder])).toEqual(
      variables.map(([name, value]) => [name, 'textinput', name, name === 'model' ? 'x-model' : '', String(value)]),
    );
    expect(fields.find((f) => f.label === 'maxTokens')!.hint).toBe(`Default: ${chat.config.payload.maxTokens} (a number). Leave empty to keep it.`);
    expect(modal.submit).toEqual({
      type: 'button',
      label: 'Save',
      onPress: { action: '@ui.modal.close', returnValue: { name: { $state: 'name' }, overrides: Object.fromEntries(variables.map(([name]) => [name, { $state: name }])) } },
    });
  });

  it('shows the new sample’s variables when another is picked, keeping values of the same name', async () => {
    const { body } = await render('settings', {
      props: { name: 'open-ai.chat-completion' },
      state: { name: 'open-ai.chat-completion', model: 'kept-model' },
      action: { action: 'settings.pick', name: 'open-ai.embedding' },
    });
    expect(body.state).toEqual({ name: 'open-ai.embedding', model: 'kept-model' });
    const fields = (body.element as unknown as { children: Input[] }).children.slice(1);
    const embedding = library.find((s) => s.id === 'open-ai.embedding')!;
    expect(fields.map((f) => f.label)).toEqual(Object.keys(embedding.config.payload).filter((k) => !embedding.config.secrets?.includes(k)));
    expect(fields.find((f) => f.label === 'model')!.element.initialValue).toBe('kept-model');
  });
});

describe('saving the settings', () => {
  it('stores the sample, its usable values and the cURL fallback rendered with them as the block’s props', async () => {
    const { body } = await render('snippet', {
      props: {},
      context: EDITOR,
      action: { action: '@ui.modal.close', returnValue: { name: 'open-ai.chat-completion', overrides: { model: 'saved-model', prompt: 'It\'s "quoted"', maxTokens: '', apiKey: 'sk-x', nope: 'y' } } },
    });
    const overrides = { model: 'saved-model', prompt: 'It\'s "quoted"' };
    const curl = renderSamples(compileSnippet(chat), overrides).find((s) => s.lang === 'sh')!.code;
    expect(curl).toContain('"content": "It\'s \\"quoted\\""');
    expect(body.props).toEqual({ name: 'open-ai.chat-completion', ...overrides, fallback: curl });
    expect(body.state).toEqual({ name: 'open-ai.chat-completion', overrides });
    expect(hints(body.element.children)).toEqual([]);
  });

  it('turns a pasted embed or catalogue URL into the block', async () => {
    const embed = await render('snippet', {
      props: {},
      action: { action: '@link.unfurl', url: 'https://cdn.example.test/snippets/v1/embed.html?name=open-ai.chat-completion&model=gpt-4o&base-url=https%3A%2F%2Fexample.test%2Fv1&lang=js' },
    });
    expect(embed.body.state).toEqual({ name: 'open-ai.chat-completion', overrides: { model: 'gpt-4o', baseUrl: 'https://example.test/v1' } });
    expect((embed.body.props as { fallback: string }).fallback).toContain("curl --fail-with-body 'https://example.test/v1/chat/completions' \\\n");
    const catalogue = await render('snippet', { props: {}, action: { action: '@link.unfurl', url: 'https://cdn.example.test/snippets/1.0.0/catalogue.html#open-ai.embedding' } });
    expect(catalogue.body.state).toEqual({ name: 'open-ai.embedding', overrides: {} });
  });

  it('refuses a URL that names no sample, saying which URLs work', async () => {
    for (const url of ['https://example.test/embed.html?name=open-ai.chat-completion', 'https://cdn.example.test/snippets/v1/embed.html?name=no.such-snippet']) {
      const response = await send({ type: 'ui_render', componentId: 'snippet', context: EDITOR, props: {}, action: { action: '@link.unfurl', url } });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: `${url} is not a snippet of the AI/ML API library: paste an embed.html?name=… or catalogue.html#… URL from https://cdn.example.test/snippets/`,
      });
    }
  });
});

describe('the frame page, served by the integration', () => {
  const get = (url: string, method = 'GET') => send({ type: 'fetch', request: { url, method, headers: {} } });

  it('answers with the page, its strict CSP, and the CDN bundle pinned by its integrity hashes', async () => {
    const response = await get(FRAME_URL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await response.text();
    expect(html).toBe(readFileSync(fixture.build.framePage, 'utf8'));

    // The page's own inline script and style, as the CSP's hashes must cover them.
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(inline).toHaveLength(1);
    expect(styles).toHaveLength(1);
    const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toBe(
      [
        "default-src 'none'",
        `script-src ${sha256(inline[0]!)} ${CDN}`,
        `style-src ${sha256(styles[0]!)} ${CDN}`,
        "base-uri 'none'",
        "form-action 'none'",
        "object-src 'none'",
      ].join('; '),
    );
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${csp.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`);
    // The release's bundle, pinned: the tags the widget's build prints for that CDN folder.
    expect(html).toContain(`<link rel="stylesheet" href="${CDN}bundle.css" integrity="${INTEGRITY.css}" crossorigin="anonymous">`);
    expect(html).toContain(`<script type="module" src="${CDN}bundle.js" integrity="${INTEGRITY.js}" crossorigin="anonymous"></script>`);
    expect([...html.matchAll(/<script\b/g)]).toHaveLength(2);
    // The inline script is the webframe protocol (frame/start-frame.ts), built for browsers.
    expect(inline[0]).toContain('@webframe.ready');
    expect(inline[0]).toContain('@webframe.resize');
  });

  it('answers on the integration’s other endpoint too, caches briefly without the current version, and refuses the rest', async () => {
    expect((await get(`${ENDPOINT}/frame?v=5-9.8.7`)).status).toBe(200);
    const stale = await get(`${CONTENT}/frame?v=4-9.8.6`);
    expect(stale.status).toBe(200);
    expect(stale.headers.get('cache-control')).toBe('public, max-age=300');
    const head = await get(FRAME_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get(FRAME_URL, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const other = await get(`${CONTENT}/other`);
    expect(other.status).toBe(404);
    expect(await other.text()).toBe('Not found: this integration serves only /frame.');
  });
});
