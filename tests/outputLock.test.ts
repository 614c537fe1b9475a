// The output-folder lock on its own: exclusive while held, released for the next writer, stale when
// its process is gone or its file was never written, and never stolen from a live holder.

import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { acquireOutputLock, currentHolder, lockFileName, OutputLockedError } from '../src/ingest/OutputLock.js';

const dir = mkdtempSync(join(tmpdir(), 'lp-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, lockFileName);

it('holds the folder until released, and records pid and start time', async () => {
  const lock = await acquireOutputLock(dir, { wait: false });
  const holder = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; startedAt: string };
  expect(holder.pid).toBe(process.pid);
  expect(Number.isNaN(Date.parse(holder.startedAt))).toBe(false);
  await expect(acquireOutputLock(dir, { wait: false })).rejects.toBeInstanceOf(OutputLockedError);
  lock.release();
  expect(existsSync(file)).toBe(false);
  (await acquireOutputLock(dir, { wait: false })).release();
});

it('--wait: the second waits, told once, and gets the lock when the first lets go', async () => {
  const first = await acquireOutputLock(dir, { wait: false });
  let told = 0;
  const second = acquireOutputLock(dir, { wait: true, pollMs: 10, onWait: () => told++ });
  await new Promise((r) => setTimeout(r, 100));
  expect(told).toBe(1);
  first.release();
  (await second).release();
});

it('takes over a lock whose process is gone, and a lock file never written (after a grace period)', async () => {
  writeFileSync(file, JSON.stringify({ pid: 4194305, startedAt: '2020-01-01T00:00:00.000Z' }));
  expect(currentHolder(dir)).toBeNull();
  (await acquireOutputLock(dir, { wait: false })).release();

  writeFileSync(file, '');
  const old = new Date(Date.now() - 60_000);
  utimesSync(file, old, old);
  (await acquireOutputLock(dir, { wait: false })).release();
  expect(existsSync(file)).toBe(false);
});

it('a release never removes a lock another process holds', async () => {
  const lock = await acquireOutputLock(dir, { wait: false });
  writeFileSync(file, JSON.stringify({ pid: process.ppid, startedAt: '2020-01-01T00:00:00.000Z' }));
  lock.release();
  expect(existsSync(file)).toBe(true);
  rmSync(file);
});
