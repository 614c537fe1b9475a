// Threads that apply a settled batch's learning (LearnedBatch) to the spilled outcomes of a large batch
// while the main thread writes: splitting held theme runs and stripping template text cost as much as
// writing a record, and the parse workers are idle by then. Jobs are chunks of spill lines, answered in
// the order given. A thread that fails fails the run, as the same error on the main thread would.

import { Worker } from 'node:worker_threads';
import type { PipelineOptions } from '../config/PipelineConfig.js';
import type { LearnedBatchData } from './LearnedBatch.js';
import type { ParseOutcome } from './ParseJob.js';
import { defaultWorkerHeapMb } from './WorkerPool.js';

export interface ApplyWorkerData {
  options: PipelineOptions;
  learned: LearnedBatchData;
}

export interface ApplyJob {
  id: number;
  /** Spilled outcomes, as JSON. */
  lines: string[];
}

export interface ApplyJobResult {
  id: number;
  outcomes: ParseOutcome[];
}

interface Pending {
  resolve: (outcomes: ParseOutcome[]) => void;
  reject: (error: Error) => void;
}

export class ApplyPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor(size: number, data: ApplyWorkerData) {
    for (let i = 0; i < size; i++) {
      // Capped as a parse thread is; a small young generation (its garbage is one chunk of outcomes at a
      // time) keeps the write stage, where this thread, the writer and the file thread overlap, under
      // 400 MiB at 100,000 pages.
      const worker = new Worker(new URL('./applyWorker.js', import.meta.url), {
        workerData: data,
        resourceLimits: { maxOldGenerationSizeMb: defaultWorkerHeapMb, maxYoungGenerationSizeMb: 8 },
      });
      worker.on('message', (result: ApplyJobResult) => {
        const pending = this.pending.get(result.id);
        this.pending.delete(result.id);
        pending?.resolve(result.outcomes);
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`apply worker exited with code ${code}`));
      });
      this.workers.push(worker);
    }
  }

  /** The outcomes of `lines`, learning applied. Jobs go to the threads in turn. */
  apply(lines: string[]): Promise<ParseOutcome[]> {
    if (this.failure !== null) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[id % this.workers.length]?.postMessage({ id, lines } satisfies ApplyJob);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => w.terminate()));
  }

  private fail(error: Error): void {
    if (this.workers.length === 0) return; // closing
    this.failure ??= error;
    for (const pending of this.pending.values()) pending.reject(this.failure);
    this.pending.clear();
  }
}
