// Generated benchmark pages: N snippets in a docs-like article, external CSS and the bundle only.
const MODELS = ['gpt-4o', 'gpt-4o-mini', 'claude-3-5-sonnet', 'gemini-2.0-flash', 'llama-3.3-70b'];

export const PAGE_CSS = `body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1f2328; background: #fff; }
main { max-width: 860px; margin: 0 auto; padding: 0 24px; }
`;

export const FAVICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0969da"/></svg>\n';

/** A page with `count` snippets, cycling through `names`; every snippet gets a distinct model value. */
export function pageHtml(count, names) {
  const blocks = [];
  for (let i = 0; i < count; i++) {
    const name = names[i % names.length];
    const model = `${MODELS[i % MODELS.length]}-${i}`;
    blocks.push(`    <h2>Example ${i + 1}</h2>\n    <p>Request number ${i + 1}, with its own model id.</p>\n    <snippet data-name="${name}" data-model="${model}"></snippet>`);
  }
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <link rel="icon" href="favicon.svg" type="image/svg+xml">
  <title>Benchmark: ${count} snippets</title>
  <link rel="stylesheet" href="/dist/bundle.css">
  <link rel="stylesheet" href="bench.css">
  <script type="module" src="/dist/bundle.js"></script>
</head>
<body>
  <main>
    <h1>${count} snippets</h1>
${blocks.join('\n')}
  </main>
</body>
</html>
`;
}
