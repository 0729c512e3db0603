// @ts-check
// Network faults for the browser tests, injected by the static server itself (not by the
// browser's request interception), so the browser meets them as it would in the field.
import { createReadStream, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * - `404`, `500`: that status, a short text body.
 * - `reset`: the connection is destroyed before any response.
 * - `stall`: the response never comes (until the server closes, or `release()`).
 * - `slow`: the file, after `delayMs`.
 * - `truncate`: a 200 with the file's first half, ended cleanly (a script that fails to parse).
 * @typedef {'404' | '500' | 'reset' | 'stall' | 'slow' | 'truncate'} FaultKind
 * @typedef {{ kind: FaultKind, times: number, delayMs: number }} Fault
 */

/**
 * A set of faults keyed by a path pattern, for `startStaticServer`'s `intercept`: the first
 * fault whose pattern matches a request's path answers it, `times` times (default: always).
 * @param {(path: string) => string | null} fileOf the file a path would serve, for `truncate` and `slow`
 */
export function createFaults(fileOf) {
  /** @type {{ pattern: RegExp, fault: Fault }[]} */
  const faults = [];
  /** @type {Set<import('node:http').ServerResponse>} */
  const stalled = new Set();
  /** @type {string[]} */
  const hits = [];

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string} path
   */
  const intercept = (req, res, path) => {
    const found = faults.find(({ pattern, fault }) => fault.times > 0 && pattern.test(path));
    if (!found) return false;
    const { fault } = found;
    fault.times--;
    hits.push(`${fault.kind} ${req.url}`);
    switch (fault.kind) {
      case '404':
      case '500':
        res.writeHead(Number(fault.kind), { 'Content-Type': 'text/plain' });
        res.end(`injected ${fault.kind}`);
        return true;
      case 'reset':
        req.socket.destroy();
        return true;
      case 'stall':
        stalled.add(res);
        res.on('close', () => stalled.delete(res));
        return true;
      case 'slow':
      case 'truncate': {
        const file = fileOf(path);
        if (!file) return false;
        const size = statSync(file).size;
        const contentType = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'application/octet-stream';
        const send = () => {
          if (fault.kind === 'slow') {
            res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': size });
            createReadStream(file).pipe(res);
            return;
          }
          // No length promised: the response ends well, with half a module in it (a CDN edge
          // that cut a file short), which the browser then fails to parse and remembers.
          res.writeHead(200, { 'Content-Type': contentType });
          createReadStream(file, { start: 0, end: Math.floor(size / 2) }).pipe(res);
        };
        if (fault.kind === 'slow') setTimeout(send, fault.delayMs);
        else send();
        return true;
      }
    }
  };

  return {
    intercept,
    /**
     * Answers requests whose path matches `pattern` with `kind`.
     * @param {RegExp} pattern
     * @param {FaultKind} kind
     * @param {{ times?: number, delayMs?: number }} [options]
     */
    add(pattern, kind, { times = Infinity, delayMs = 0 } = {}) {
      faults.push({ pattern, fault: { kind, times, delayMs } });
    },
    /** Lets every stalled response end (as a reset) and forgets every fault. */
    clear() {
      faults.length = 0;
      stalled.forEach((res) => res.socket?.destroy());
      stalled.clear();
    },
    /** What the faults answered so far (`<kind> <url>`), for assertions. */
    hits: () => [...hits],
  };
}

/**
 * The file a built bundle path (`/dist/...`) serves, for faults that send part of it.
 * @param {string} distDir
 * @returns {(path: string) => string | null}
 */
export const distFileOf = (distDir) => (path) => (path.startsWith('/dist/') ? join(distDir, path.slice('/dist/'.length)) : null);
