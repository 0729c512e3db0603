import { LOG_PREFIX } from '../core/log-prefix.ts';

/** Runs work in slices of the main thread, so that many snippets never make one long task. */
export interface Scheduler {
  /** `urgent` work (snippets in view) runs now; the rest in slices, when the page has a moment. */
  run(job: () => void, urgent: boolean): void;
  /** Runs everything queued now, and whatever is queued until the current task ends (before printing). */
  flush(): void;
  destroy(): void;
}

/**
 * A queue drained in slices of about `budgetMs`, each in a task of its own (a MessageChannel
 * message: unlike setTimeout it is not clamped to 4 ms when nested), so the page stays
 * responsive and paints between slices however many snippets it has.
 */
export function createScheduler(budgetMs = 8): Scheduler {
  const queue: (() => void)[] = [];
  let head = 0;
  let scheduled = false;
  let destroyed = false;
  // Set by flush() until the task ends: work that its promises queue runs at once too.
  let flushing = false;
  const channel = typeof MessageChannel === 'function' ? new MessageChannel() : null;

  /** Runs queued jobs in order while `more()` says so; an emptied queue is reset. */
  const runQueued = (more: () => boolean) => {
    while (head < queue.length && more()) {
      const job = queue[head]!;
      queue[head++] = noop;
      attempt(job);
    }
    if (head >= queue.length) queue.length = head = 0;
  };
  const drain = () => {
    scheduled = false;
    if (destroyed) return;
    const start = performance.now();
    runQueued(() => performance.now() - start < budgetMs);
    if (queue.length) next();
  };
  const next = () => {
    if (scheduled || destroyed) return;
    scheduled = true;
    if (channel) channel.port2.postMessage(null);
    else setTimeout(drain, 0);
  };
  if (channel) channel.port1.onmessage = drain;

  return {
    run(job, urgent) {
      if (urgent || flushing) attempt(job);
      else {
        queue.push(job);
        next();
      }
    },
    flush() {
      flushing = true;
      setTimeout(() => (flushing = false), 0);
      runQueued(() => true);
    },
    destroy() {
      destroyed = true;
      queue.length = head = 0;
      channel?.port1.close();
    },
  };
}

const noop = () => undefined;

/** A job that throws costs only itself: the queue, and the page, carry on. */
function attempt(job: () => void): void {
  try {
    job();
  } catch (error) {
    console.error(`${LOG_PREFIX} unexpected error`, error);
  }
}
