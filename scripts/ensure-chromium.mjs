// @ts-check
// Makes sure the system Chromium that the browser tests and the benchmark use is installed.
// We never let Playwright download a browser: CI and dev boxes run as root on Debian/Ubuntu,
// so the distribution package is the one source of the binary.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Installs Chromium with apt-get when the binary is missing; returns its path. */
export function ensureChromium({ log = console.log } = {}) {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  log(`[ensure-chromium] ${CHROMIUM_PATH} is missing; installing the "chromium" package with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`[ensure-chromium] apt-get finished but ${CHROMIUM_PATH} still does not exist`);
  }
  return CHROMIUM_PATH;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const path = ensureChromium();
    const version = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
    console.log(`[ensure-chromium] ${version} at ${path}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
