// A fixed pool of parse workers, started on the first job (an unchanged re-run starts none):
// jobs wait in a FIFO and go to the first idle worker. The theme lexicon can be swapped between passes,
// which keeps the workers (and their warmed-up code) for the second pass.

import { Worker } from 'node:worker_threads';
import type { ParseItem, ParseJob, ParseJobResult, ParseOutcome, ParseWorkerData, ParseWorkerMessage } from './ParseJob.js';

interface Pending {
  job: ParseJob;
  resolve(outcomes: ParseOutcome[]): void;
  reject(error: Error): void;
}

export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: Pending[] = [];
  private readonly running = new Map<Worker, Pending>();
  private nextId = 0;
  private failure: Error | null = null;
  private started = false;

  constructor(
    private readonly size: number,
    /** Made on first use, so an unchanged re-run never computes it. */
    private workerData: ParseWorkerData | (() => ParseWorkerData),
    private readonly workerUrl = new URL('./parseWorker.js', import.meta.url),
  ) {}

  private start(): void {
    this.started = true;
    if (typeof this.workerData === 'function') this.workerData = this.workerData();
    const { workerData, workerUrl } = this;
    for (let i = 0; i < this.size; i++) {
      const worker = new Worker(workerUrl, { workerData });
      worker.on('message', (result: ParseJobResult) => this.finished(worker, result));
      worker.on('error', (error) => this.crashed(worker, error));
      worker.on('exit', (code) => {
        if (code !== 0 && this.failure === null) this.crashed(worker, new Error(`parse worker exited with code ${code}`));
      });
      this.idle.push(worker);
    }
  }

  parse(items: ParseItem[]): Promise<ParseOutcome[]> {
    if (this.failure !== null) return Promise.reject(this.failure);
    if (!this.started) this.start();
    return new Promise((resolve, reject) => {
      this.waiting.push({ job: { id: this.nextId++, items }, resolve, reject });
      this.dispatch();
    });
  }

  /** Jobs sent from now on are parsed with this lexicon (a worker reads messages in order). */
  useLexicon(lexicon: readonly string[]): void {
    if (typeof this.workerData === 'function') this.workerData = this.workerData();
    this.workerData = { ...this.workerData, lexicon };
    const message: ParseWorkerMessage = { lexicon };
    for (const worker of [...this.idle, ...this.running.keys()]) worker.postMessage(message);
  }

  async close(): Promise<void> {
    const workers = [...this.idle, ...this.running.keys()];
    this.idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.waiting.length > 0) {
      const worker = this.idle.pop() as Worker;
      const pending = this.waiting.shift() as Pending;
      this.running.set(worker, pending);
      const message: ParseWorkerMessage = pending.job;
      worker.postMessage(message);
    }
  }

  private finished(worker: Worker, result: ParseJobResult): void {
    const pending = this.running.get(worker);
    this.running.delete(worker);
    this.idle.push(worker);
    pending?.resolve(result.outcomes);
    this.dispatch();
  }

  private crashed(worker: Worker, error: Error): void {
    this.failure = error;
    this.running.get(worker)?.reject(error);
    this.running.delete(worker);
    for (const pending of this.waiting.splice(0)) pending.reject(error);
  }
}
