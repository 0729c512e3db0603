// Generated benchmark pages: snippets in a docs-like article, external CSS and the bundle only.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const LIBRARY = new URL('../shared/snippets/', import.meta.url);

/** Whether a snippet has a `model` variable: only those get a `data-model` (any other would be warned about). */
const hasModel = (name) => {
  const [group, id] = name.split('.');
  const config = JSON.parse(readFileSync(fileURLToPath(new URL(`${group}/${id}/config.json`, LIBRARY)), 'utf8'));
  return 'model' in config.payload;
};

const MODELS = ['gpt-4o', 'gpt-4o-mini', 'claude-3-5-sonnet', 'gemini-2.0-flash', 'llama-3.3-70b'];

export const PAGE_CSS = `body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1f2328; background: #fff; }
main { max-width: 860px; margin: 0 auto; padding: 0 24px; }
`;

export const FAVICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0969da"/></svg>\n';

/** The snippets the larger pages cycle through. */
export const NAMES = ['open-ai.chat-completion', 'open-ai.embedding', 'luma-ai.create-generation', 'image.flux', 'voice.tts'];

/** A prompt the build's tokens cannot take: quotes, a backslash, `$` and a line break. */
export const RUNTIME_PROMPT = 'Say "hi" to C:\\Users and $HOME,\nthen stop.';

const escapeAttribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/\n/g, '&#10;');

/**
 * A page with `count` snippets cycling through `names`; every snippet that has a model gets a
 * distinct model value, plus `attributes` (e.g. a prompt), and `mainStyle` goes on the article.
 */
export function pageHtml(count, names, { attributes = {}, mainStyle = '', title = `${count} snippets` } = {}) {
  const extra = Object.entries(attributes)
    .map(([name, value]) => ` data-${name}="${escapeAttribute(value)}"`)
    .join('');
  const blocks = [];
  for (let i = 0; i < count; i++) {
    const name = names[i % names.length];
    const model = hasModel(name) ? ` data-model="${MODELS[i % MODELS.length]}-${i}"` : '';
    blocks.push(`    <h2>Example ${i + 1}</h2>\n    <p>Request number ${i + 1}, with its own model id.</p>\n    <snippet data-name="${name}"${model}${extra}></snippet>`);
  }
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <link rel="icon" href="favicon.svg" type="image/svg+xml">
  <title>Benchmark: ${title}</title>
  <link rel="stylesheet" href="/dist/bundle.css">
  <link rel="stylesheet" href="bench.css">
  <script type="module" src="/dist/bundle.js"></script>
</head>
<body>
  <main${mainStyle ? ` style="${mainStyle}"` : ''}>
    <h1>${title}</h1>
${blocks.join('\n')}
  </main>
</body>
</html>
`;
}

/**
 * The pages the benchmark loads, by key: file name, query string, and what they hold. A page
 * `prerendered` is rendered ahead of time (bench/prerender.mjs) from the HTML `html()` gives,
 * with the viewer's stylesheet in each snippet (the default: a `<link>` in each of 300 shadow
 * roots held this page's parsing for 4 s instead of 0.5 s).
 */
export const PAGES = {
  3: { file: 'bench-3.html', html: () => pageHtml(3, NAMES.slice(0, 1)) },
  pre3: { file: 'bench-pre-3.html', html: () => pageHtml(3, NAMES.slice(0, 1), { title: '3 snippets rendered ahead of time' }), prerendered: { stylesheet: 'inline' } },
  pre300: { file: 'bench-pre-300.html', html: () => pageHtml(300, NAMES, { title: '300 snippets rendered ahead of time' }), prerendered: { stylesheet: 'inline' } },
  50: { file: 'bench-50.html', html: () => pageHtml(50, NAMES) },
  300: { file: 'bench-300.html', html: () => pageHtml(300, NAMES) },
  1000: { file: 'bench-1000.html', html: () => pageHtml(1000, NAMES) },
  runtime: {
    file: 'bench-runtime.html',
    html: () => pageHtml(3, NAMES.slice(0, 1), { attributes: { prompt: RUNTIME_PROMPT }, title: '3 snippets whose values Shiki colours at run time' }),
  },
  // Short samples (the cURL tabs, 3 to 14 lines, chosen by ?lang=) next to long ones, at a larger font.
  mixed: {
    file: 'bench-mixed.html',
    query: '?lang=curl',
    html: () =>
      pageHtml(12, ['runway.fetch-generation', 'open-ai.chat-completion', 'minimax.upload-audio', 'video.runway', 'image.flux', 'kling.fetch-generation'], {
        mainStyle: '--snippet-font-size: 15px',
        title: 'short and long samples at 15px',
      }),
  },
};
