// @vitest-environment node
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runProgram } from './run-program';
import type { Runner } from './runners';

const bash: Runner = { lang: 'sh', label: 'sh', fileName: 'main.sh', command: 'bash', args: ['main.sh'], env: {}, files: {}, standIn: null };

/** Whether a process is alive: it exists and is not a zombie waiting to be reaped. */
function running(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return false;
  try {
    return readFileSync(stat, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

describe('runProgram', () => {
  it('gives the exit code, both outputs and the files the program made (not its inputs), in a fresh folder', async () => {
    const run = await runProgram(bash, 'cat in.txt; echo oops >&2; printf x > out.bin; echo "$HOME" | grep -q check-samples-run; exit 3\n', [{ name: 'in.txt', bytes: Buffer.from('hello') }], 10_000);
    expect({ exitCode: run.exitCode, stdout: run.stdout, stderr: run.stderr, timedOut: run.timedOut }).toEqual({ exitCode: 3, stdout: 'hello', stderr: 'oops\n', timedOut: false });
    expect(run.files.map((f) => [f.name, f.bytes.toString()])).toEqual([['out.bin', 'x']]);
  });

  it('keeps the caller\'s keys out, and every host but 127.0.0.1 behind a proxy that does not exist', async () => {
    process.env.CHECK_SAMPLES_SECRET_PROBE = 'leak';
    const run = await runProgram(bash, 'echo "[$CHECK_SAMPLES_SECRET_PROBE] $https_proxy $no_proxy"\n', [], 10_000);
    delete process.env.CHECK_SAMPLES_SECRET_PROBE;
    expect(run.stdout).toBe('[] http://127.0.0.1:9 127.0.0.1,localhost\n');
  });

  it('ends a program past its time, and what it started', async () => {
    const pidFile = join(mkdtempSync(join(tmpdir(), 'run-program-test-')), 'child.pid');
    const run = await runProgram(bash, `sleep 30 &\necho $! > '${pidFile}'\nsleep 30\n`, [], 300);
    expect(run.timedOut).toBe(true);
    // The program's own child (a background job) goes too, not only the shell.
    const child = Number(readFileSync(pidFile, 'utf8'));
    await vi.waitFor(() => expect(running(child)).toBe(false), { timeout: 5_000, interval: 20 });
    rmSync(join(pidFile, '..'), { recursive: true, force: true });
  });
});
