import { LOG_PREFIX } from './log-prefix.ts';

/**
 * Runs one step of the widget's start-up. A step that throws costs only itself: one console
 * line saying what could not be done, and the caller carries on without its result.
 */
export function runStep<T>(what: string, run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    console.error(`${LOG_PREFIX} could not ${what}`, error);
    return undefined;
  }
}
