import type { Browser, LaunchOptions } from 'playwright-core';

export declare const CHROMIUM_ARGS: string[];
/** Launches headless system Chromium. */
export declare function launchBrowser(options?: LaunchOptions): Promise<Browser>;
