// One writer per output folder: `ingest` holds DIR/.leaderpages.lock (created with O_EXCL, holding
// the pid and start time) from before it opens leaders.db until it exits. A lock whose process is
// gone is stale and is taken over; a live one makes the second run wait (--wait) or stop at once.

import { closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const lockFileName = '.leaderpages.lock';

export interface LockHolder {
  pid: number;
  startedAt: string;
}

/** The output folder is being written by another live process. */
export class OutputLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder,
  ) {
    super(`another ingest (pid ${holder.pid}, started ${holder.startedAt}) is writing ${dir}; wait for it to finish, or run again with --wait.`);
  }
}

/** A wait for the lock given up because the run was asked to stop (Ctrl-C while waiting). */
export class LockWaitCancelled extends Error {
  constructor(readonly dir: string) {
    super(`stopped while waiting for another ingest to finish writing ${dir}; nothing was written.`);
  }
}

export interface OutputLock {
  readonly file: string;
  release(): void;
}

/** True while a process with this pid exists (EPERM: it exists but belongs to someone else). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The holder written in a lock file, or null when it cannot be read or parsed. */
export function readLockHolder(file: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.startedAt !== 'string') return null;
    return { pid: parsed.pid, startedAt: parsed.startedAt };
  } catch {
    return null;
  }
}

/** A live holder of DIR's lock, or null when the folder is free (or its lock is stale). */
export function currentHolder(dir: string): LockHolder | null {
  const holder = readLockHolder(join(dir, lockFileName));
  return holder !== null && holder.pid !== process.pid && processAlive(holder.pid) ? holder : null;
}

// A lock file is created and then written: one found empty may be mid-write; older than this, it is debris.
const unwrittenGraceMs = 5000;

function tryCreate(file: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(holder) + '\n');
  } catch (error) {
    closeSync(fd);
    unlinkSync(file);
    throw error;
  }
  closeSync(fd);
  return true;
}

/** Remove a stale lock, unless another process replaced it meanwhile (rename makes the check atomic). */
function removeStale(file: string, seen: LockHolder | null): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readLockHolder(aside);
  const same = seen === null ? moved === null : moved !== null && moved.pid === seen.pid && moved.startedAt === seen.startedAt;
  if (!same) {
    // Someone took the lock between our read and our rename: put theirs back.
    renameSync(aside, file);
    return;
  }
  unlinkSync(aside);
}

export interface AcquireOptions {
  /** Wait for a live holder to finish instead of failing at once. */
  wait: boolean;
  /** Poll interval while waiting. */
  pollMs?: number;
  /** Called once when the run starts waiting. */
  onWait?: (holder: LockHolder) => void;
  /** Polled while waiting: true gives up the wait (LockWaitCancelled). */
  cancelled?: () => boolean;
}

export async function acquireOutputLock(dir: string, options: AcquireOptions): Promise<OutputLock> {
  const file = join(dir, lockFileName);
  const me: LockHolder = { pid: process.pid, startedAt: new Date().toISOString() };
  let told = false;
  for (;;) {
    if (tryCreate(file, me)) break;
    const holder = readLockHolder(file);
    if (holder === null) {
      let age = Infinity;
      try {
        age = Date.now() - statSync(file).mtimeMs;
      } catch {
        continue; // gone meanwhile: try again
      }
      if (age > unwrittenGraceMs) {
        removeStale(file, null);
        continue;
      }
    } else if (!processAlive(holder.pid)) {
      removeStale(file, holder);
      continue;
    } else if (!options.wait) {
      throw new OutputLockedError(dir, holder);
    } else if (!told) {
      told = true;
      options.onWait?.(holder);
    }
    if (options.cancelled?.() === true) throw new LockWaitCancelled(dir);
    await new Promise((done) => setTimeout(done, options.pollMs ?? 200));
  }
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.off('exit', release);
    const holder = readLockHolder(file);
    if (holder !== null && holder.pid === me.pid && holder.startedAt === me.startedAt) {
      try {
        unlinkSync(file);
      } catch {
        // already gone
      }
    }
  };
  // Whatever way the process ends (short of SIGKILL, which leaves a stale lock the next run takes over).
  process.on('exit', release);
  return { file, release };
}
