// The spilled outcomes of a batch, in path order, with what the batch learned applied (LearnedBatch):
// on the main thread for a small batch, by an ApplyPool for a large one, whose threads work ahead while
// the caller writes. The same outcomes either way.

import type { PipelineConfig, PipelineOptions } from '../config/PipelineConfig.js';
import { ApplyPool } from './ApplyPool.js';
import type { LearnedBatch, LearnedBatchData } from './LearnedBatch.js';
import { readOutcome, type ParseOutcome } from './ParseJob.js';

/** Spill lines per job; and parsed pages a batch needs before threads pay for their start. */
const chunkLines = 64;
export const pooledFromParsed = 512;

export interface AppliedOutcome {
  outcome: ParseOutcome;
  /** Written without the config fingerprint (see runIngest: a stopped batch's inferred themes). */
  provisional: boolean;
}

export interface ApplyOptions {
  config: PipelineConfig;
  /** The plain options the config was resolved from (what a thread resolves again). */
  options: PipelineOptions;
  /** Threads for a large batch; 0 applies everything on this thread. */
  threads: number;
  /** The batch was stopped early: held theme runs are written provisional, all on this thread. */
  partial: boolean;
}

export async function* appliedOutcomes(lines: Iterable<string>, learned: LearnedBatchData, how: ApplyOptions): AsyncGenerator<AppliedOutcome> {
  if (how.threads === 0 || how.partial) {
    // Loaded with the first parsed page (it brings the schema): only parsed pages learn anything.
    let batch: LearnedBatch | undefined;
    for (const line of lines) {
      const outcome = readOutcome(line);
      if (outcome.kind !== 'parsed') {
        yield { outcome, provisional: false };
        continue;
      }
      batch ??= new (await import('./LearnedBatch.js')).LearnedBatch(learned);
      yield { outcome: batch.apply(outcome, how.config), provisional: how.partial && outcome.themeRun !== undefined };
    }
    return;
  }
  const pool = new ApplyPool(how.threads, { options: how.options, learned });
  // A few chunks per thread in flight: the threads stay ahead of the writer, memory stays bounded.
  const inFlight: Promise<ParseOutcome[]>[] = [];
  const send = (chunk: string[]): void => {
    const job = pool.apply(chunk);
    job.catch(() => {}); // seen when awaited, in order
    inFlight.push(job);
  };
  try {
    let chunk: string[] = [];
    for (const line of lines) {
      chunk.push(line);
      if (chunk.length < chunkLines) continue;
      send(chunk);
      chunk = [];
      if (inFlight.length >= how.threads * 3) for (const outcome of await inFlight.shift()!) yield { outcome, provisional: false };
    }
    if (chunk.length > 0) send(chunk);
    for (let job = inFlight.shift(); job !== undefined; job = inFlight.shift()) for (const outcome of await job) yield { outcome, provisional: false };
  } finally {
    await pool.close();
  }
}
