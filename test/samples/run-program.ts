import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Runner } from './runners';

/** What one program did. */
export interface ProgramRun {
  exitCode: number | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  /** Files the program left in its folder (besides itself and its inputs). */
  files: { name: string; bytes: Buffer }[];
  ms: number;
}

/** Values of the environment every program gets, and nothing else of the caller's (no keys leak in). */
function baseEnv(home: string): Record<string, string> {
  // A proxy that does not exist for every host but the mock: curl and Python's HTTP clients
  // fail at once if a program tries to reach anything else.
  const deadProxy = 'http://127.0.0.1:9';
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    PYTHONIOENCODING: 'utf-8',
    PYTHONDONTWRITEBYTECODE: '1',
    http_proxy: deadProxy,
    https_proxy: deadProxy,
    HTTP_PROXY: deadProxy,
    HTTPS_PROXY: deadProxy,
    no_proxy: '127.0.0.1,localhost',
    NO_PROXY: '127.0.0.1,localhost',
  };
}

/** Runs one program in a fresh folder (with its input files), as a reader would from a terminal. */
export function runProgram(runner: Runner, source: string, inputs: { name: string; bytes: Buffer }[], timeoutMs: number): Promise<ProgramRun> {
  const dir = mkdtempSync(join(tmpdir(), 'check-samples-run-'));
  writeFileSync(join(dir, runner.fileName), source);
  for (const [name, text] of Object.entries(runner.files)) writeFileSync(join(dir, name), text);
  for (const input of inputs) writeFileSync(join(dir, input.name), input.bytes);
  const before = new Set(readdirSync(dir));
  const started = Date.now();

  return new Promise((resolvePromise) => {
    // A process group of its own, so that a timeout also ends what it started (a bash tab's curl).
    const child = spawn(runner.command, runner.args, { cwd: dir, env: { ...baseEnv(dir), ...runner.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL'); // the group is gone already: the program alone, if still there
      }
    }, timeoutMs);
    let finished = false;
    const finish = (exitCode: number | null, error?: Error) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      // A folder the program made is listed with a trailing "/" and no bytes.
      const files = readdirSync(dir, { withFileTypes: true })
        .filter((entry) => !before.has(entry.name))
        .map((entry) => (entry.isFile() ? { name: entry.name, bytes: readFileSync(join(dir, entry.name)) } : { name: `${entry.name}/`, bytes: Buffer.alloc(0) }));
      rmSync(dir, { recursive: true, force: true });
      resolvePromise({
        exitCode,
        timedOut,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8') + (error ? `\n${runner.command} could not start: ${error.message}` : ''),
        files,
        ms: Date.now() - started,
      });
    };
    child.on('error', (error) => finish(null, error));
    child.on('close', (code) => finish(code));
  });
}
