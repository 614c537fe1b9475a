// A fixed pool of parse workers, started once, on the first job (an unchanged re-run starts none):
// jobs (several pages each) wait in a FIFO and go to the first idle worker.

import { Worker } from 'node:worker_threads';
import { packOutcome, type PackedOutcome, type ParseItem, type ParseJob, type ParseJobResult, type ParseWorkerData } from './ParseJob.js';

interface Pending {
  job: ParseJob;
  resolve(outcomes: PackedOutcome[]): void;
  reject(error: Error): void;
}

/**
 * A parser thread's heap limit unless the user sets one: far above what any ordinary page needs (a few
 * MB), low enough that a runaway page cannot take the machine's memory, and V8 collects sooner.
 */
export const defaultWorkerHeapMb = 256;

/** More crashes than this in one run is not a bad page but a broken parser: the run fails. */
const maxCrashes = 100;

/** A page the parser could not get through: rejected alone, with a diagnostic, while the batch goes on. */
function crashOutcome(item: ParseItem, error: Error): PackedOutcome {
  const message = `The parser stopped on this page (${error.message}); it was skipped.`;
  return packOutcome({
    kind: 'rejected',
    path: item.path,
    sha256: item.sha256,
    bytes: item.bytes.length,
    format: null,
    diagnostics: [{ severity: 'error', rule: 'parser-crash', message, line: 1, column: 1, endLine: 1, endColumn: 1 }],
  });
}

export interface WorkerPoolOptions {
  /** Old-generation heap limit per worker, in MB; a page that needs more is rejected with `parser-crash`. Default: defaultWorkerHeapMb. */
  heapMb?: number | undefined;
  workerUrl?: URL;
}

export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: Pending[] = [];
  private readonly running = new Map<Worker, Pending>();
  private readonly dead = new Set<Worker>();
  private nextId = 0;
  private failure: Error | null = null;
  private started = false;
  private closing = false;
  private crashes = 0;
  private readonly workerUrl: URL;

  constructor(
    private readonly size: number,
    /** Made on first use, so an unchanged re-run never computes it. */
    private workerData: ParseWorkerData | (() => ParseWorkerData),
    private readonly options: WorkerPoolOptions = {},
  ) {
    this.workerUrl = options.workerUrl ?? new URL('./parseWorker.js', import.meta.url);
  }

  private data(): ParseWorkerData {
    if (typeof this.workerData === 'function') this.workerData = this.workerData();
    return this.workerData;
  }

  private spawn(): Worker {
    const heapMb = this.options.heapMb ?? defaultWorkerHeapMb;
    const worker = new Worker(this.workerUrl, { workerData: this.data(), resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    worker.on('message', (result: ParseJobResult) => this.finished(worker, result));
    worker.on('error', (error) => this.crashed(worker, error));
    worker.on('exit', (code) => {
      if (code !== 0) this.crashed(worker, new Error(`parse worker exited with code ${code}`));
    });
    return worker;
  }

  private start(): void {
    this.started = true;
    for (let i = 0; i < this.size; i++) this.idle.push(this.spawn());
  }

  parse(items: ParseItem[]): Promise<PackedOutcome[]> {
    if (this.failure !== null) return Promise.reject(this.failure);
    if (!this.started) this.start();
    return new Promise((resolve, reject) => {
      this.waiting.push({ job: { id: this.nextId++, items }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    const workers = [...this.idle, ...this.running.keys()];
    this.idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.waiting.length > 0) {
      const worker = this.idle.pop() as Worker;
      const pending = this.waiting.shift() as Pending;
      this.running.set(worker, pending);
      worker.postMessage(pending.job);
    }
  }

  private finished(worker: Worker, result: ParseJobResult): void {
    const pending = this.running.get(worker);
    this.running.delete(worker);
    this.idle.push(worker);
    pending?.resolve(result.outcomes);
    this.dispatch();
  }

  /**
   * A worker died (out of memory on a huge page, or worse). It is replaced; its pages are retried one per
   * job, so only a page that kills a worker on its own is lost, as a `parser-crash` rejection.
   */
  private crashed(worker: Worker, error: Error): void {
    if (this.closing || this.dead.has(worker)) return;
    this.dead.add(worker);
    const at = this.idle.indexOf(worker);
    if (at >= 0) this.idle.splice(at, 1);
    const pending = this.running.get(worker);
    this.running.delete(worker);
    if (++this.crashes > maxCrashes) {
      this.failure = new Error(`parse workers crashed ${this.crashes} times; the last: ${error.message}`);
      pending?.reject(this.failure);
      for (const waiting of this.waiting.splice(0)) waiting.reject(this.failure);
      return;
    }
    this.idle.push(this.spawn());
    if (pending !== undefined) {
      const { items } = pending.job;
      if (items.length === 1 && items[0] !== undefined) pending.resolve([crashOutcome(items[0], error)]);
      else {
        const retries = items.map(
          (item) => new Promise<PackedOutcome[]>((resolve, reject) => this.waiting.unshift({ job: { id: this.nextId++, items: [item] }, resolve, reject })),
        );
        Promise.all(retries).then((outcomes) => pending.resolve(outcomes.flat()), pending.reject);
      }
    }
    this.dispatch();
  }
}
