// The stat half of an ingest's export check (findSuspects) on a thread of its own, with its own read-only
// connection to leaders.db: 20,000 stats and stamp comparisons take a third of a second, which the
// ingest spends walking and reading its sources meanwhile. The answer is null when the thread could not
// give one (no database yet, an older schema, a damaged file): the caller then checks on its own thread.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ExportSuspects } from './checkExports.js';

export interface FindSuspectsJob {
  databasePath: string;
  outDir: string;
}

export interface SuspectsAhead {
  readonly result: Promise<ExportSuspects | null>;
  /** Stop the thread (its answer is not wanted). */
  cancel(): void;
}

/** findSuspects for the exports of `outDir`, started now on another thread. */
export function findSuspectsAhead(outDir: string): SuspectsAhead {
  const job: FindSuspectsJob = { databasePath: join(outDir, 'leaders.db'), outDir };
  if (!existsSync(job.databasePath)) return { result: Promise.resolve(null), cancel: () => {} };
  let worker: Worker | null = null;
  const result = new Promise<ExportSuspects | null>((resolve) => {
    try {
      worker = new Worker(new URL('./findSuspectsWorker.js', import.meta.url), { workerData: job });
      worker.once('message', resolve);
      worker.once('error', () => resolve(null));
      worker.once('exit', () => resolve(null));
    } catch {
      resolve(null);
    }
  });
  return { result, cancel: () => void (worker as Worker | null)?.terminate() };
}
