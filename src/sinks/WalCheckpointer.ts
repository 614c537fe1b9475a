// WAL checkpoints of leaders.db on a thread of their own while the ingest writes. SQLite copies the WAL
// into the database file (and syncs both) from inside the COMMIT that crosses its auto-checkpoint
// size: two fifths of a cold ingest's COMMIT time, all of it on the writer's thread. Here the writer's
// connection stops checkpointing, and after each COMMIT a second connection, on another thread, runs a
// PASSIVE checkpoint, which never blocks the writer. The WAL only starts over when a transaction
// begins with all of it copied, so every `restartEvery` commits the writer waits, before its next
// BEGIN, for the checkpoint of everything committed: the WAL holds at most that many commits, however
// fast the thread runs (an ingest commits 500 records, about 7 MB, at a time). Nothing here decides
// what is durable: every commit is in the WAL before COMMIT returns, checkpointed or not. Should the
// thread fail or not start, the writer's connection checkpoints as before.

import { Worker } from 'node:worker_threads';
import type { LeaderDatabase } from './openDatabase.js';

/** SQLite's default auto-checkpoint size, in pages; restored when the thread stops. */
const autoCheckpointPages = 1000;
/** How long the writer waits for a checkpoint at most (a thread starved of CPU) before it goes on. */
const waitLimitMs = 10_000;

/** Slots of the shared Int32Array. */
export const slot = {
  /** Commits signalled by the writer; -1 asks the thread to stop. */
  asked: 0,
  /** The last `asked` value whose checkpoint copied the whole WAL. */
  copied: 1,
  /** The last `asked` value whose checkpoint a reader kept from copying everything. */
  blocked: 2,
  /** 1 once the thread has failed (it checkpoints no more). */
  failed: 3,
} as const;

export interface CheckpointWorkerData {
  file: string;
  state: SharedArrayBuffer;
}

export class WalCheckpointer {
  readonly #state: Int32Array;
  readonly #exited: Promise<void>;
  #commits = 0;
  /** Commits since the WAL last started over. */
  #sinceRestart = 0;
  #stopped = false;

  private constructor(
    private readonly db: LeaderDatabase,
    private readonly worker: Worker,
    state: SharedArrayBuffer,
    private readonly restartEvery: number,
  ) {
    this.#state = new Int32Array(state);
    this.#exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('error', () => this.#fail());
    void this.#exited.then(() => this.#fail());
  }

  /** Checkpoints of `db` (a WAL database on disk) move to a thread; null when none could start. */
  static start(db: LeaderDatabase, restartEvery = 8): WalCheckpointer | null {
    if (db.memory || db.readonly) return null;
    const state = new SharedArrayBuffer(4 * Object.keys(slot).length);
    let worker: Worker;
    try {
      worker = new Worker(new URL('./walCheckpointWorker.js', import.meta.url), {
        workerData: { file: db.name, state } satisfies CheckpointWorkerData,
        resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2 },
      });
    } catch {
      return null;
    }
    worker.unref();
    db.pragma('wal_autocheckpoint = 0');
    return new WalCheckpointer(db, worker, state, Math.max(1, restartEvery));
  }

  /** After each COMMIT: copy what it wrote. */
  committed(): void {
    if (this.#stopped) return;
    this.#commits++;
    this.#sinceRestart++;
    Atomics.store(this.#state, slot.asked, this.#commits);
    Atomics.notify(this.#state, slot.asked);
  }

  /**
   * Before each BEGIN: every `restartEvery` commits, wait until everything committed is copied, so this
   * transaction starts the WAL over. A reader holding an old snapshot (another program reading
   * leaders.db) keeps a checkpoint from copying it all: then the writer goes on at once, and the WAL
   * grows until the reader is done, as it would with SQLite's own checkpoints.
   */
  beforeBegin(): void {
    if (this.#stopped || this.#sinceRestart < this.restartEvery) return;
    this.#sinceRestart = 0;
    const started = performance.now();
    const state = this.#state;
    for (;;) {
      const copied = Atomics.load(state, slot.copied);
      if (copied >= this.#commits || Atomics.load(state, slot.blocked) >= this.#commits || this.#failed() || performance.now() - started >= waitLimitMs) return;
      Atomics.wait(state, slot.copied, copied, 50);
    }
  }

  /** Stop the thread (after the last COMMIT); the writer's connection checkpoints again. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    Atomics.store(this.#state, slot.asked, -1);
    Atomics.notify(this.#state, slot.asked);
    // Unreferenced while it runs (it must not keep a process alive); its exit is awaited now.
    this.worker.ref();
    await this.#exited;
    this.#restore();
  }

  #failed(): boolean {
    return Atomics.load(this.#state, slot.failed) === 1;
  }

  #fail(): void {
    Atomics.store(this.#state, slot.failed, 1);
    if (this.#stopped) return;
    this.#stopped = true;
    this.#restore();
  }

  #restore(): void {
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${autoCheckpointPages}`);
  }
}
