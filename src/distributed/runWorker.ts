// A distributed worker: takes page jobs off the BullMQ queue, checks each page's bytes against its
// sha256, parses it on a pool of parser threads (the embedded ingest's WorkerPool: a page that kills
// its thread is rejected alone with parser-crash) and writes the outcome to PostgreSQL in one transaction.
// A job a killed worker held is found stalled by the others (BullMQ) and parsed again.

import { readOutcome, type ParseOutcome } from '../ingest/ParseJob.js';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { resolveConfig } from '../config/defineConfig.js';
import { WorkerPool } from '../ingest/WorkerPool.js';
import type { PgPool } from '../sinks/postgres/openPostgres.js';
import { openSink, reachQueue } from './connectServices.js';
import { writePageOutcome, type PageWriteResult } from '../sinks/postgres/writePageOutcome.js';
import { redisConnection } from './connectionUrls.js';
import { CorruptJobError, decodePageJob, type PageJobData } from './PageJob.js';
import { loadParseSettings, type ParseSettings } from './ParseSettings.js';

export interface DistributedWorkerOptions {
  queueUrl: string;
  sinkUrl: string;
  queueName: string;
  /** Parser threads; twice as many jobs are in flight. */
  concurrency: number;
  /** How long a job's lock lasts without renewal: a killed worker's jobs are taken over after about this long. */
  lockMs: number;
  workerMemoryMb?: number | undefined;
  /** Called after each job (for the CLI's log line). */
  onJob?: (job: { path: string; result: PageWriteResult | 'failed'; reason?: string }) => void;
}

interface SettingsPool {
  settings: ParseSettings;
  severityOf(rule: 'duplicate-id' | 'invalid-record'): 'error' | 'warning';
  pool: WorkerPool;
  inFlight: number;
}

/** Where a worker's time went, summed over its jobs (wall time per job phase; jobs overlap). */
export interface WorkerTimings {
  jobs: number;
  /** Inflate and sha256 check. */
  decodeMs: number;
  /** Waiting for and running the parse on a parser thread. */
  parseMs: number;
  /** The page's PostgreSQL transaction. */
  writeMs: number;
}

export interface DistributedWorker {
  readonly timings: WorkerTimings;
  /** Finish the jobs in hand, then stop. */
  close(): Promise<void>;
}

export async function startWorker(options: DistributedWorkerOptions): Promise<DistributedWorker> {
  const connection = redisConnection(options.queueUrl);
  const redis = new Redis(connection);
  redis.on('error', () => {});
  let pg: PgPool;
  try {
    await reachQueue(redis, options.queueUrl);
    pg = await openSink(options.sinkUrl, options.concurrency * 2);
  } catch (error) {
    redis.disconnect();
    throw error;
  }
  const timings: WorkerTimings = { jobs: 0, decodeMs: 0, parseMs: 0, writeMs: 0 };
  // One parser pool per settings (a run's passes differ in their lexicon); an idle older one is closed.
  const pools = new Map<string, Promise<SettingsPool>>();
  const poolFor = (key: string): Promise<SettingsPool> => {
    let entry = pools.get(key);
    if (entry === undefined) {
      entry = loadParseSettings(redis, options.queueName, key).then((settings) => {
        const config = resolveConfig(settings.options);
        return {
          settings,
          severityOf: (rule) => config.severityOf(rule) ?? 'error',
          pool: new WorkerPool(options.concurrency, { options: settings.options, lexicon: settings.lexicon }, { heapMb: options.workerMemoryMb }),
          inFlight: 0,
        };
      });
      entry.catch(() => pools.delete(key));
      pools.set(key, entry);
      void retireIdlePools(key);
    }
    return entry;
  };
  const retireIdlePools = async (keep: string): Promise<void> => {
    for (const [key, entry] of pools) {
      if (key === keep) continue;
      const p = await entry.catch(() => null);
      if (p !== null && p.inFlight === 0 && pools.get(key) === entry) {
        pools.delete(key);
        await p.pool.close();
      }
    }
  };

  const processJob = async (job: Job<PageJobData>): Promise<PageWriteResult> => {
    let item;
    let at = performance.now();
    const lap = (phase: keyof WorkerTimings): void => {
      const now = performance.now();
      timings[phase] += now - at;
      at = now;
    };
    try {
      item = decodePageJob(job.data);
      lap('decodeMs');
    } catch (error) {
      // Bytes that do not match their hash will not match on a retry either.
      if (error instanceof CorruptJobError) throw new UnrecoverableError(error.message);
      throw error;
    }
    const entry = await poolFor(job.data.settings);
    entry.inFlight++;
    try {
      const [packed] = await entry.pool.parse([item]);
      if (packed === undefined) throw new Error('the parser returned no outcome');
      // The pool hands outcomes over serialized once (PackedOutcome); the themes are settled by the producer's theme pass.
      const { themeRun: _themeRun, ...outcome } = readOutcome(packed.line) as ParseOutcome & { themeRun?: unknown };
      lap('parseMs');
      const provisional = entry.settings.provisionalIfInferred && outcome.kind === 'parsed' && outcome.diagnostics.some((d) => d.rule === 'themes-inferred');
      const result = await writePageOutcome(pg, outcome, { run: job.data.run, configSha256: entry.settings.configSha256, provisional, severityOf: entry.severityOf });
      lap('writeMs');
      timings.jobs++;
      return result;
    } finally {
      entry.inFlight--;
    }
  };

  const worker = new Worker<PageJobData, PageWriteResult>(options.queueName, processJob, {
    connection,
    // Twice the parser threads: one page's queue and database round trips overlap another's parse.
    concurrency: options.concurrency * 2,
    lockDuration: options.lockMs,
    stalledInterval: Math.max(500, Math.floor(options.lockMs / 2)),
    // A page whose job stalls three times (it kills whole worker processes) fails, and is reported.
    maxStalledCount: 2,
  });
  worker.on('error', () => {});
  worker.on('completed', (job, result) => options.onJob?.({ path: job.data.path, result }));
  worker.on('failed', (job, error) => {
    if (job !== undefined) options.onJob?.({ path: job.data.path, result: 'failed', reason: error.message });
  });
  await worker.waitUntilReady();

  return {
    timings,
    async close() {
      await worker.close();
      for (const entry of pools.values()) {
        const p = await entry.catch(() => null);
        await p?.pool.close();
      }
      await pg.end();
      redis.disconnect();
    },
  };
}
