// The ingest run: discover sources, parse changed ones on a worker pool (p-queue bounds what is in
// flight), apply outcomes in path order through the one writer, then prune, export and report.
// Run-together key themes are split with a fixed lexicon per pass (file + earlier runs' themes); pages
// whose split was inferred get one second pass with the themes this batch listed with separators.

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import PQueue from 'p-queue';
import type { PipelineConfig } from '../config/PipelineConfig.js';
import { PARSER_VERSION } from '../version.js';
import { LeaderStore, type RunCounts } from '../sinks/LeaderStore.js';
import { openCheckedDatabase } from '../sinks/checkDatabase.js';
import { checkExports, healExports, type ExportDrift } from '../sinks/checkExports.js';
import { syncLeaderFiles } from '../sinks/syncLeaderFiles.js';
import { writeLinesAtomic } from '../sinks/writeNdjson.js';
import { walkSources, type Discovery, type SkippedEntry } from './discoverSources.js';
import { underSourceRoots } from './sourceRoots.js';
import { acquireOutputLock, type LockHolder } from './OutputLock.js';
import { prepareOutDir } from './prepareOutDir.js';
import type { GracefulStop } from './gracefulStop.js';
import { removeTempFiles } from './tempFiles.js';
import { RenameTracker } from './renamedSources.js';
import { exactMissing } from './exactMissing.js';
import { IngestWriter } from './IngestWriter.js';
import { BatchLearning, lexiconLimit } from './BatchLearning.js';
import type { ParseOutcome } from './ParseJob.js';
import { readSource, type ReadSource } from './readSource.js';
import type { SourceRef } from './discoverSources.js';
import { Progress } from './Progress.js';
import { formatIngestSummary } from './formatIngestSummary.js';
import { ReportWriter, type ReportMissing, type ReportSource } from './ReportWriter.js';
import { WorkerPool } from './WorkerPool.js';
import { writeReportPage } from '../report/writeReportPage.js';

export interface IngestOptions {
  inputs: readonly string[];
  out: string;
  force: boolean;
  prune: boolean;
  concurrency: number | 'auto';
  quiet: boolean;
  config: PipelineConfig;
  cwd: string;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Themes of the configured lexicon file (see loadThemeLexicon), in file order. */
  lexiconThemes?: readonly string[];
  /** Heap limit per parse worker, in MB (see WorkerPool); undefined for Node's default. */
  workerMemoryMb?: number | undefined;
  /** Wait for another ingest writing the same folder to finish, instead of failing at once. */
  wait?: boolean;
  /** Follow symbolic links that lead out of the input folders. */
  followSymlinks?: boolean;
  /** Set by the CLI: a first SIGINT/SIGTERM stops the run after the pages in flight. */
  stop?: GracefulStop;
  /** What walkSources found for `inputs`, when the caller has already walked them (the CLI checks each input names a page). */
  discovery?: Discovery | undefined;
}

export interface IngestSummary {
  outDir: string;
  counts: RunCounts;
  missing: ReportMissing[];
  rejectedSamples: ReportSource[];
  elapsedMs: number;
  /** Exports found different from the database, and rewritten (or removed, when stray). */
  healed: ExportDrift[];
  /** Entries the walk left out (links, FIFOs, unreadable folders …), each with its rule. */
  skipped: SkippedEntry[];
  /** A damaged leaders.db moved aside and rebuilt: where it went. */
  damagedDatabase: string | null;
  /** The signal that stopped the run early, or null when it ran to the end. */
  interrupted: 'SIGINT' | 'SIGTERM' | null;
}

export function poolSize(concurrency: number | 'auto'): number {
  return concurrency === 'auto' ? Math.max(1, availableParallelism()) : Math.max(1, Math.floor(concurrency));
}

/**
 * One writer per output folder: the lock is taken before leaders.db is opened and released, with every
 * temp file of this run, on every way out (see OutputLock, tempFiles).
 */
export async function runIngest(options: IngestOptions): Promise<IngestSummary> {
  const outDir = resolve(options.cwd, options.out);
  const leadersDir = join(outDir, 'leaders');
  const discovery = options.discovery ?? (await walkSources(options.inputs, options.cwd, { followSymlinks: options.followSymlinks ?? false }));
  prepareOutDir(leadersDir);
  const lock = await acquireOutputLock(outDir, {
    wait: options.wait ?? false,
    cancelled: () => options.stop?.requested ?? false,
    onWait: (holder: LockHolder) => {
      if (!options.quiet) options.stderr.write(`leaderpages: waiting for another ingest (pid ${holder.pid}, started ${holder.startedAt}) writing ${outDir}\n`);
    },
  });
  try {
    // Holding the lock, any temp file found is debris of a killed run.
    removeTempFiles([outDir, leadersDir]);
    return await ingestLocked(options, outDir, leadersDir, discovery.sources, discovery.skipped);
  } finally {
    removeTempFiles([outDir, leadersDir], process.pid);
    lock.release();
  }
}

async function ingestLocked(
  options: IngestOptions,
  outDir: string,
  leadersDir: string,
  sources: readonly SourceRef[],
  skippedEntries: readonly SkippedEntry[],
): Promise<IngestSummary> {
  const startedAt = new Date().toISOString();
  const database = openCheckedDatabase(join(outDir, 'leaders.db'));
  if (database.damaged !== null && !options.quiet) {
    options.stderr.write(
      `leaderpages: ${join(outDir, 'leaders.db')} was damaged (${database.damaged.reason}); moved it to ${database.damaged.movedTo} and rebuilding from the sources.\n`,
    );
  }
  const store = new LeaderStore(database.db);
  // The database is the source of truth: exports that drifted from it (deleted, truncated, edited,
  // stray) are put back before the run changes anything, and reported.
  const exported = (store.db.prepare('SELECT count(*) FROM runs').pluck().get() as number) > 0;
  const healed = exported ? checkExports(store, outDir) : [];
  if (healed.length > 0) {
    await healExports(store, outDir, healed);
  }
  const skipped = skippedEntries.filter((e) => options.config.severityOf(e.rule) !== null).map((e) => ({ ...e, severity: options.config.severityOf(e.rule) }));
  const runOptions = { inputs: options.inputs, out: options.out, force: options.force, prune: options.prune, concurrency: options.concurrency };
  const run = store.beginRun(startedAt, PARSER_VERSION, runOptions);
  const recovering = store.hasUnfinishedRunBefore(run) || store.exportsStale();
  const report = new ReportWriter(join(outDir, 'report.json'));
  const { severityOf: _severityOf, ...plainOptions } = options.config;
  const lexiconFile = options.lexiconThemes ?? [];
  // The lexicon file's themes count as config: a changed file re-parses pages split with the old one.
  const fingerprint = lexiconFile.length === 0 ? plainOptions : { ...plainOptions, lexiconThemes: lexiconFile };
  const configSha256 = createHash('sha256').update(JSON.stringify(fingerprint)).digest('hex');
  const renames = RenameTracker.open(store.db, sources.map((s) => s.path));
  const writer = new IngestWriter({ store, run, leadersDir, config: options.config, report, configSha256, renames, prune: options.prune });
  const stopped = (): boolean => options.stop?.requested ?? false;
  const progress = new Progress({ stream: options.stderr, quiet: options.quiet, total: sources.length });

  const workers = Math.min(poolSize(options.concurrency), Math.max(1, sources.length));
  const knownSha256 = (path: string): string | null => {
    if (options.force) return null;
    const known = store.knownSource(path);
    if (known === undefined || known.parserVersion !== PARSER_VERSION || known.configSha256 !== configSha256) return null;
    // A stored record is reusable while this source still owns its id; a stored rejection unless it
    // was a duplicate-id, which depends on the other sources and is decided again.
    const reusable = known.status === 'rejected' ? !known.duplicate : known.ownerPath === path;
    return reusable ? known.sha256 : null;
  };
  // Learning from separated themes is only sound while inferred splits are marked as such.
  const learning = options.config.severityOf('themes-inferred') === null ? null : new BatchLearning(lexiconFile, () => store.separatedThemes(lexiconLimit));
  writer.learning = learning;
  const pool = new WorkerPool(workers, () => ({ options: plainOptions, lexicon: learning?.startThemes ?? lexiconFile }), {
    heapMb: options.workerMemoryMb,
  });

  try {
    await parseInOrder(sources, pool, workers, (s) => readSource(s, knownSha256(s.path), options.config), (outcomes) => {
      for (const outcome of outcomes) writer.apply(outcome);
      progress.advance(outcomes.length);
    }, stopped);
    writer.learning = null;
    // Stopped early: records with inferred themes stay provisional (no fingerprint) and are parsed again next run.
    const secondLexicon = stopped() ? null : (learning?.secondPassThemes() ?? null);
    if (stopped()) {
      // nothing more this run
    } else if (learning !== null && secondLexicon !== null) {
      // Same pages, same bytes (read again: only their paths were kept), the batch's themes added.
      const inferred = new Set(learning.inferredPaths);
      const again = sources.filter((s) => inferred.has(s.path));
      pool.useLexicon(secondLexicon);
      await parseInOrder(again, pool, workers, (s) => readSource(s, null, options.config), (outcomes) => {
        for (const outcome of outcomes) writer.revise(outcome);
      }, stopped);
    } else {
      for (const path of learning?.inferredPaths ?? []) writer.confirm(path);
    }
    writer.commit();
  } catch (error) {
    // Cleanup must never replace the error that matters (disk full, I/O): each step on its own.
    for (const step of [() => writer.rollback(), () => report.abandon(), () => store.db.close()]) {
      try {
        step();
      } catch {
        // the original error is the one to report
      }
    }
    throw error;
  } finally {
    await pool.close();
  }

  const counts = writer.counts;
  const interrupted = options.stop?.signal ?? null;
  // A stopped run did not reach every source: none is missing, none is pruned.
  // Only sources under this run's inputs can be missing (and pruned): a narrower run leaves the rest be.
  const inRoots = underSourceRoots(options.inputs, options.cwd);
  const gone = interrupted !== null ? [] : store.missingSources(run).filter((m) => inRoots(m.path));
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
  if (writer.leadersChanged || counts.pruned > 0 || recovering || !existsSync(ndjson)) {
    syncLeaderFiles(store, leadersDir);
    await writeLinesAtomic(ndjson, (function* () {
      for (const row of store.records()) yield row.record;
    })());
    store.setExportsStale(false);
  }
  // Whatever this run changed, the exports now say exactly what the database says. (A run that changed
  // no leader found them matching at the start, or repaired them then: no second pass over every file.)
  const late = writer.leadersChanged || counts.pruned > 0 ? checkExports(store, outDir) : [];
  if (late.length > 0) {
    await healExports(store, outDir, late);
    healed.push(...late);
  }

  const finishedAt = new Date().toISOString();
  const runReport = { startedAt, finishedAt, parserVersion: PARSER_VERSION, counts: { ...counts }, options: runOptions, ...(interrupted !== null ? { interrupted: true } : {}) };
  await report.finish(runReport, missing, {
    skipped,
    exports: healed.map((d) => ({ ...d, action: d.kind === 'stray' ? 'removed' : 'rewritten' })),
    ...(database.damaged !== null ? { database: [{ damaged: database.damaged.reason, movedTo: database.damaged.movedTo, action: 'rebuilt from the sources' }] } : {}),
  });
  store.saveSkippedInputs(run, skipped);
  store.finishRun(run, finishedAt, counts);
  store.db.close();
  writeReportPage(join(outDir, 'leaders.db'), join(outDir, 'report.html'));
  progress.finish(formatIngestSummary(counts, progress.elapsedMs, outDir, { healed, skipped: skipped.length, interrupted, sourcesTotal: sources.length }));
  return {
    outDir,
    counts,
    missing,
    rejectedSamples: writer.rejectedSamples,
    elapsedMs: progress.elapsedMs,
    healed,
    skipped,
    damagedDatabase: database.damaged?.movedTo ?? null,
    interrupted,
  };
}

/**
 * One pass over `sources` (the pool starts only if something needs parsing): outcomes arrive out of
 * order and are handed to `apply` strictly in path order.
 */
async function parseInOrder(
  sources: readonly SourceRef[],
  pool: WorkerPool,
  workers: number,
  read: (source: SourceRef) => Promise<ReadSource>,
  apply: (outcomes: ParseOutcome[]) => void,
  stopped: () => boolean = () => false,
): Promise<void> {
  // Small files: several per message to cut messaging overhead, but enough chunks to keep all workers busy.
  const chunkSize = Math.min(32, Math.max(1, Math.ceil(sources.length / (workers * 8))));
  const queue = new PQueue({ concurrency: workers * 2 });
  const ready = new Map<number, ParseOutcome[]>();
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
        ready.set(chunkIndex, results.map((r) => ('outcome' in r ? r.outcome : (parsed[next++] as ParseOutcome))));
        applyReady();
      })
      .catch((error: unknown) => {
        failure ??= error;
      });
  }
  await queue.onIdle();
  if (failure !== null) throw failure;
}
