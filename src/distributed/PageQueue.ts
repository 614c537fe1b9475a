// The producer's end of the BullMQ queue: enqueue page jobs without ever holding more than
// `maxWaiting` in Redis (back-pressure), count what is still outstanding, and collect jobs that failed.

import { Queue, type Job } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import { pageJobId, pageJobName, type PageJobData } from './PageJob.js';
import { PARSER_VERSION } from '../version.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const waitingStates = ['waiting', 'prioritized', 'delayed', 'waiting-children'] as const;

export class PageQueue {
  readonly queue: Queue<PageJobData>;
  /** Distinct jobs this producer added for its run. */
  added = 0;
  /** Jobs found already queued by a run that was killed: added again once they are gone. */
  private readonly foreign: PageJobData[] = [];

  constructor(name: string, connection: RedisOptions, private readonly maxWaiting: number) {
    this.queue = new Queue<PageJobData>(name, { connection });
    this.queue.on('error', () => {});
  }

  /**
   * Forget what a killed producer left: waiting jobs and failed ones. Jobs a live worker holds finish
   * (their run's writes never override a newer run's: see writePageOutcome).
   */
  async clearLeftovers(): Promise<void> {
    await this.queue.drain(true);
    await this.queue.clean(0, 100_000, 'failed');
  }

  async waiting(): Promise<number> {
    const counts = await this.queue.getJobCounts(...waitingStates);
    return Object.values(counts).reduce((a, b) => a + b, 0);
  }

  /** Jobs not yet finished (waiting or being parsed). */
  async outstanding(): Promise<number> {
    const counts = await this.queue.getJobCounts(...waitingStates, 'active');
    return Object.values(counts).reduce((a, b) => a + b, 0);
  }

  /** Add jobs, waiting while the queue holds `maxWaiting` or more. Adding a job whose id is queued already does nothing. */
  async add(jobs: readonly PageJobData[]): Promise<void> {
    let start = 0;
    while (start < jobs.length) {
      const room = this.maxWaiting - (await this.waiting());
      if (room <= 0) {
        await sleep(50);
        continue;
      }
      const slice = jobs.slice(start, start + room);
      start += slice.length;
      const added = await this.queue.addBulk(
        slice.map((data) => ({
          name: pageJobName,
          data,
          opts: {
            jobId: pageJobId(data.path, data.sha256, PARSER_VERSION, data.settings),
            attempts: 3,
            backoff: { type: 'exponential', delay: 1000 },
            removeOnComplete: true,
            removeOnFail: false,
          },
        })),
      );
      for (const [i, job] of added.entries()) {
        // The same work, queued by a run that was killed: its writes would carry the old run.
        if (job.data.run !== slice[i]?.run) this.foreign.push(slice[i] as PageJobData);
        else this.added++;
      }
    }
  }

  /** Wait until no job is outstanding, calling `tick` with how many of this run's jobs are done. */
  async drain(tick: (done: number) => void, stopping: () => boolean = () => false): Promise<void> {
    let dropped = false;
    for (;;) {
      if (stopping() && !dropped) {
        // Stopping early: jobs not yet taken are dropped (the next run enqueues them again); taken ones finish.
        dropped = true;
        this.foreign.length = 0;
        await this.queue.drain(true);
      }
      const outstanding = await this.outstanding();
      if (outstanding === 0 && this.foreign.length > 0) {
        await this.add(this.foreign.splice(0));
        continue;
      }
      tick(Math.max(0, this.added - outstanding));
      if (outstanding === 0) return;
      await sleep(100);
    }
  }

  /** Failed jobs of `run`, each handed to `record` and then removed from Redis. */
  async takeFailed(run: number, record: (job: Job<PageJobData>) => Promise<void>): Promise<number> {
    const failed = (await this.queue.getFailed(0, -1)).filter((job) => job.data.run === run);
    for (const job of failed) {
      await record(job);
      await job.remove();
    }
    return failed.length;
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
