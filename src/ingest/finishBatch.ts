// The steps after the last source of a batch is written, which need the whole batch: prune sources not
// seen, rewrite the exports (leaders/ and leaders.ndjson) when leaders changed, check them against the
// database, close the report and the run. A distributed producer can call this once all of its jobs
// are written, just as runIngest does.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LeaderStore, RunCounts } from '../sinks/LeaderStore.js';
import { checkStampedExports, healExports, type ExportDrift } from '../sinks/checkExports.js';
import { fileClockNs } from '../sinks/exportStamps.js';
import { syncLeaderFiles } from '../sinks/syncLeaderFiles.js';
import { writeLinesAtomic } from '../sinks/writeNdjson.js';
import { PARSER_VERSION } from '../version.js';
import { exactMissing } from './exactMissing.js';
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
  /** A signal stopped the run early: sources not reached are neither missing nor pruned. */
  interrupted: boolean;
  /** Which stored sources lie under this run's inputs: only those can be missing (and pruned). */
  inRoots: (storedPath: string) => boolean;
  /** Exports healed before the run (more are added here); entries the walk skipped; a damaged database. */
  healed: ExportDrift[];
  skipped: readonly { path: string; rule: string; severity: string | null; message: string }[];
  damaged: { reason: string; movedTo: string } | null;
}

export async function finishBatch(options: FinishBatchOptions): Promise<{ counts: RunCounts; missing: ReportMissing[] }> {
  const { store, run, outDir, counts, healed } = options;
  // A narrower run than the last leaves the sources outside its inputs be.
  const gone = options.interrupted ? [] : store.missingSources(run).filter((m) => options.inRoots(m.path));
  const missing: ReportMissing[] = exactMissing(store.db, gone, options.prune);
  counts.missing = gone.length;
  if (options.prune && gone.length > 0) {
    store.db.transaction(() => {
      store.setExportsStale(true);
      for (const m of gone) store.deleteSource(m.path);
    })();
    counts.pruned = gone.length;
  }

  const ndjson = join(outDir, 'leaders.ndjson');
  const rewrite = options.exportsNeeded || counts.pruned > 0 || !existsSync(ndjson);
  if (rewrite) {
    syncLeaderFiles(store, join(outDir, 'leaders'));
    await writeLinesAtomic(ndjson, (function* () {
      for (const row of store.records()) yield row.record;
    })());
    store.stamps.record('leaders.ndjson', ndjson);
    store.setExportsStale(false);
  }
  // Whatever happened above, the exports now say exactly what the database says. When this run
  // changed no leader and wrote no export, they are as the check at its start found (or healed) them.
  // The files this run wrote and stamped are trusted up to the clock after its last write.
  if (rewrite || healed.length > 0) {
    const late = checkStampedExports(store, outDir, existsSync(ndjson) ? fileClockNs(ndjson) : undefined);
    if (late.length > 0) {
      await healExports(store, outDir, late, store.stamps);
      healed.push(...late);
    }
  }

  const finishedAt = new Date().toISOString();
  const runReport = {
    startedAt: options.startedAt,
    finishedAt,
    parserVersion: PARSER_VERSION,
    counts: { ...counts },
    options: options.runOptions,
    ...(options.interrupted ? { interrupted: true } : {}),
  };
  await options.report.finish(runReport, missing, {
    skipped: options.skipped,
    exports: healed.map((d) => ({ ...d, action: d.kind === 'stray' ? 'removed' : 'rewritten' })),
    ...(options.damaged !== null ? { database: [{ damaged: options.damaged.reason, movedTo: options.damaged.movedTo, action: 'rebuilt from the sources' }] } : {}),
  });
  // report.json is the run's last export: stamps older than its change time can be trusted next run.
  store.stamps.setReference(fileClockNs(join(outDir, 'report.json')));
  store.saveSkippedInputs(run, options.skipped);
  store.finishRun(run, finishedAt, counts);
  return { counts, missing };
}
