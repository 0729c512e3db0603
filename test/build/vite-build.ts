import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const viteBin = resolve('node_modules/vite/bin/vite.js');

/**
 * Runs `vite build` in a child process, as a release would: Vitest sets NODE_ENV=test,
 * which would make an in-process build bundle React's development code.
 */
export function viteBuild(outDir: string, configFile = 'vite.config.ts'): void {
  const { NODE_ENV: _ignored, ...env } = process.env;
  execFileSync(process.execPath, [viteBin, 'build', '-c', configFile, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    env,
    stdio: 'pipe',
  });
}
