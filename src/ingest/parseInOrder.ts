// The read pass of an ingest: sources read (and hashed) on this thread in chunks, the changed ones parsed
// on the worker pool, and every chunk's outcomes handed on in path order as soon as the chunks before it
// are done, with a bounded number of chunks in flight.

import PQueue from 'p-queue';
import type { SourceRef } from './discoverSources.js';
import type { PackedOutcome, ParseItem } from './ParseJob.js';
import type { WorkerPool } from './WorkerPool.js';

/** A source as read: its outcome already (unchanged, unreadable), or bytes to parse. */
export type ReadResult = { packed: PackedOutcome } | { parse: ParseItem };

/**
 * One pass over `sources` (the pool starts only if something needs parsing): outcomes arrive out of
 * order and are handed to `apply` strictly in path order.
 */
export async function parseInOrder(
  sources: readonly SourceRef[],
  pool: WorkerPool,
  workers: number,
  read: (source: SourceRef) => Promise<ReadResult>,
  apply: (outcomes: PackedOutcome[]) => void,
  stopped: () => boolean = () => false,
): Promise<void> {
  // Small files: several per message to cut messaging overhead, but enough chunks to keep all workers busy.
  const chunkSize = Math.min(32, Math.max(1, Math.ceil(sources.length / (workers * 8))));
  const queue = new PQueue({ concurrency: workers * 2 });
  const ready = new Map<number, PackedOutcome[]>();
  let nextToApply = 0;
  let failure: unknown = null;
  const applyReady = (): void => {
    for (let outcomes = ready.get(nextToApply); outcomes !== undefined; outcomes = ready.get(nextToApply)) {
      ready.delete(nextToApply++);
      apply(outcomes);
    }
  };
  for (let start = 0, index = 0; start < sources.length && failure === null; start += chunkSize, index++) {
    const chunk = sources.slice(start, start + chunkSize);
    const chunkIndex = index;
    // Back-pressure: never more than a couple of chunks per worker waiting.
    await queue.onSizeLessThan(workers * 2);
    // A graceful stop: chunks already queued finish and are applied (they are contiguous), no new ones.
    if (stopped()) break;
    queue
      .add(async () => {
        const results = await Promise.all(chunk.map(read));
        const toParse = results.flatMap((r) => ('parse' in r ? [r.parse] : []));
        const parsed = toParse.length > 0 ? await pool.parse(toParse) : [];
        let next = 0;
        ready.set(chunkIndex, results.map((r) => ('packed' in r ? r.packed : (parsed[next++] as PackedOutcome))));
        applyReady();
      })
      .catch((error: unknown) => {
        failure ??= error;
      });
  }
  await queue.onIdle();
  if (failure !== null) throw failure;
}
