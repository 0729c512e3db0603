// @ts-check
// The one place that launches Chromium, shared by the browser tests and the benchmark.
// Always the system binary (scripts/ensure-chromium.mjs installs it): Playwright never downloads one.
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../../scripts/ensure-chromium.mjs';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches headless system Chromium.
 * @param {import('playwright-core').LaunchOptions} [options]
 * @returns {Promise<import('playwright-core').Browser>}
 */
export function launchBrowser(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    ...options,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}
