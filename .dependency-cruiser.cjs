// The layers of src/, bottom to top; each imports only from those below it (`npm run lint`).
//
//   core        types, formats shared with the build, pure functions
//   highlight   Shiki, for code the build's tokens do not fit
//   pipeline    load → resolve → render → tokens: one snippet prepared once (a session)
//   view        the viewer's one markup, its DOM and React renderers, its behaviour
//   host        the script-tag widget: discovery, page API, custom element, live root
//   embed, react, node  the other doors: the iframe embed page, the React component library,
//               rendering ahead of time in Node (API, CLI, rehype plugin)
//   entry.ts    boots the widget
const layer = (name, allowed) => ({
  name: `${name}-imports-only-below`,
  comment: `src/${name} may import only from ${allowed.length ? allowed.map((a) => `src/${a}`).join(', ') : 'itself'}.`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: '^src/', pathNot: [`^src/${name}/`, ...allowed.map((a) => `^src/${a}/`), '^src/env\\.d\\.ts$'] },
});

module.exports = {
  forbidden: [
    layer('core', []),
    layer('highlight', ['core']),
    layer('pipeline', ['core', 'highlight']),
    layer('view', ['core']),
    layer('host', ['core', 'highlight', 'pipeline', 'view']),
    layer('embed', ['core']),
    layer('react', ['core', 'highlight', 'pipeline', 'view', 'host']),
    layer('node', ['core', 'highlight', 'pipeline', 'view']),
    {
      name: 'no-cycles',
      comment: 'No import cycle, between files or (through them) between folders.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-stands-alone',
      comment: 'The widget never imports the build, the tests or the scripts.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(build|test|scripts|bench)/' },
    },
    {
      name: 'build-uses-the-lower-layers',
      comment: 'The build shares the formats, the pipeline and the view with the page, never the host adapters.',
      severity: 'error',
      from: { path: '^build/' },
      to: { path: '^src/(host|embed|react|entry)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|dist-lib|test-artifacts)' },
    // Virtual modules come from the build's plugins (typed in src/env.d.ts).
    includeOnly: { path: '^(src|build)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
