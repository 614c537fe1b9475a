// Fault 2: two ingests into one output folder. The second stops at once with exit 2 naming the
// holder, or waits with --wait; a lock left by a dead process is taken over; two started together
// never corrupt the folder.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { expectHealed, lp, lpAsync, makeSite, waitFor } from './faultSite.js';

const site = makeSite(30);
afterAll(() => site.remove());
const out = join(site.dir, 'out');
const lockFile = join(out, '.leaderpages.lock');

/** A live process that is not an ingest, to hold the lock. */
function sleeper() {
  const child = spawn('sleep', ['600'], { stdio: 'ignore' });
  const gone = new Promise<void>((done) => child.on('exit', () => done()));
  return { pid: child.pid as number, stop: async () => (child.kill('SIGKILL'), await gone) };
}

it('a second ingest exits 2 at once, naming the pid and start time of the one writing', async () => {
  mkdirSync(out, { recursive: true });
  const holder = sleeper();
  writeFileSync(lockFile, JSON.stringify({ pid: holder.pid, startedAt: '2026-01-02T03:04:05.000Z' }));
  try {
    const second = lp(site.dir, ['ingest', 'pages', '--out', 'out']);
    expect(second.status).toBe(2);
    expect(second.stdout).toBe('');
    expect(second.stderr.trim()).toBe(
      `leaderpages ingest: another ingest (pid ${holder.pid}, started 2026-01-02T03:04:05.000Z) is writing ${out}; wait for it to finish, or run again with --wait.`,
    );
    expect(existsSync(join(out, 'leaders.db'))).toBe(false);
    // verify will not judge a folder mid-write.
    expect(lp(site.dir, ['verify', '--out', 'out']).status).toBe(2);

    // --wait waits for the holder, then runs.
    const waiting = lpAsync(site.dir, ['ingest', 'pages', '--out', 'out', '--wait']);
    expect(await waitFor(() => waiting.stderr().includes(`waiting for another ingest (pid ${holder.pid}, started 2026-01-02T03:04:05.000Z) writing ${out}`))).toBe(true);
    expect(waiting.child.exitCode).toBeNull();
    expect(existsSync(join(out, 'leaders.db'))).toBe(false); // nothing written while it waits
    await holder.stop();
    const result = await waiting.done;
    expect(result.code).toBe(0);
  } finally {
    await holder.stop();
  }
  expect(existsSync(lockFile)).toBe(false);
  expectHealed(site, 'out');
});

it('takes over a lock left by a process that is gone (killed with SIGKILL)', () => {
  // pid 2^22 + 1 is above Linux's pid_max: no such process.
  writeFileSync(lockFile, JSON.stringify({ pid: 4194305, startedAt: '2026-01-02T03:04:05.000Z' }));
  const run = lp(site.dir, ['ingest', 'pages', '--out', 'out']);
  expect(run.status).toBe(0);
  expect(existsSync(lockFile)).toBe(false);
  expectHealed(site, 'out');
});

it('two ingests started together: one writes, the other exits 2 or waits its turn; the folder stays sound', async () => {
  const runs = [0, 1, 2].map(() => lpAsync(site.dir, ['ingest', 'pages', '--out', 'out', '--force']));
  const waiting = lpAsync(site.dir, ['ingest', 'pages', '--out', 'out', '--force', '--wait']);
  const results = await Promise.all([...runs, waiting].map((r) => r.done));
  for (const r of results) {
    expect([0, 2]).toContain(r.code);
    if (r.code === 2) expect(r.stderr).toMatch(/another ingest \(pid \d+, started [^)]+\) is writing/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  }
  expect(results.filter((r) => r.code === 0).length).toBeGreaterThanOrEqual(1);
  expect(results[3]?.code).toBe(0); // --wait always gets its turn
  expect(() => JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'))).not.toThrow();
  expectHealed(site, 'out');
});

it('Ctrl-C while waiting with --wait gives up the wait: exit 130, nothing written', async () => {
  const waitOut = join(site.dir, 'wait-out');
  mkdirSync(waitOut, { recursive: true });
  const holder = sleeper();
  writeFileSync(join(waitOut, '.leaderpages.lock'), JSON.stringify({ pid: holder.pid, startedAt: '2026-01-02T03:04:05.000Z' }));
  try {
    const waiting = lpAsync(site.dir, ['ingest', 'pages', '--out', 'wait-out', '--wait']);
    expect(await waitFor(() => waiting.stderr().includes('waiting for another ingest'))).toBe(true);
    waiting.child.kill('SIGINT');
    const result = await waiting.done;
    expect(result.code).toBe(130);
    expect(result.stderr).toContain(`stopped while waiting for another ingest to finish writing ${waitOut}; nothing was written.`);
    expect(existsSync(join(waitOut, 'leaders.db'))).toBe(false);
    // The holder's lock is untouched.
    expect(JSON.parse(readFileSync(join(waitOut, '.leaderpages.lock'), 'utf8'))).toMatchObject({ pid: holder.pid });
  } finally {
    await holder.stop();
  }
});
