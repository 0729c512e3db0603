import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createReleaseManifest, MANIFEST_FILE } from '../../build/release-manifest';

/**
 * A small dist/ as the build writes it, with its manifest.json: an entry, a stylesheet,
 * `chunkCount` lazy chunks (more than one purge batch by default) and an SVG asset.
 */
export function makeFixtureDist(version: string, { chunkCount = 33, salt = '' } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'snippets-dist-'));
  const files: Record<string, string> = {
    'bundle.js': `import('./chunks/c0-AbC.js');/*${salt}*/\n`,
    'bundle.css': ':host{color:CanvasText}\n',
    'assets/icon-Xy1.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
  };
  for (let i = 0; i < chunkCount; i++) files[`chunks/c${i}-AbC.js`] = `export const n = ${i};\n`;
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  const manifest = createReleaseManifest(dir, { name: '@aimlapi/snippets', version });
  writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}
