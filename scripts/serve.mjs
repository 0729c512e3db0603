// `npm start`: serves the demo page (index.html) with the built bundle under /dist/.
import { startStaticServer } from './static-server.mjs';

const port = Number(process.env.PORT ?? 5173);
const server = await startStaticServer({
  root: 'demo',
  port,
  mounts: { '/dist/': 'dist', '/demo/': 'demo' },
  files: { '/': 'index.html', '/index.html': 'index.html' },
});
console.log(`Snippet demo: ${server.url}/  (catalogue: ${server.url}/dist/catalogue.html)`);
