// The steps after the last source of a batch is written, which need the whole batch: prune sources not
// seen, rewrite the exports (leaders/ and leaders.ndjson) when leaders changed, close the report and the
// run. A distributed producer calls this once all of its jobs are written, just as runIngest does.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LeaderStore, RunCounts } from '../sinks/LeaderStore.js';
import { syncLeaderFiles } from '../sinks/syncLeaderFiles.js';
import { writeLinesAtomic } from '../sinks/writeNdjson.js';
import { PARSER_VERSION } from '../version.js';
import type { ReportMissing, ReportWriter } from './ReportWriter.js';

export interface FinishBatchOptions {
  store: LeaderStore;
  run: number;
  outDir: string;
  report: ReportWriter;
  counts: RunCounts;
  startedAt: string;
  runOptions: Record<string, unknown>;
  prune: boolean;
  /** Some leader row changed in this run (or an earlier run left the exports behind). */
  exportsNeeded: boolean;
}

export async function finishBatch(options: FinishBatchOptions): Promise<{ counts: RunCounts; missing: ReportMissing[] }> {
  const { store, run, outDir, counts } = options;
  const gone = store.missingSources(run);
  const missing: ReportMissing[] = gone.map((m) => ({ path: m.path, id: m.leaderId, pruned: options.prune }));
  counts.missing = gone.length;
  if (options.prune && gone.length > 0) {
    store.db.transaction(() => {
      store.setExportsStale(true);
      for (const m of gone) store.deleteSource(m.path);
    })();
    counts.pruned = gone.length;
  }

  const ndjson = join(outDir, 'leaders.ndjson');
  if (options.exportsNeeded || counts.pruned > 0 || !existsSync(ndjson)) {
    syncLeaderFiles(store, join(outDir, 'leaders'));
    await writeLinesAtomic(ndjson, (function* () {
      for (const row of store.records()) yield row.record;
    })());
    store.setExportsStale(false);
  }

  const finishedAt = new Date().toISOString();
  await options.report.finish({ startedAt: options.startedAt, finishedAt, parserVersion: PARSER_VERSION, counts: { ...counts }, options: options.runOptions }, missing);
  store.finishRun(run, finishedAt, counts);
  return { counts, missing };
}
