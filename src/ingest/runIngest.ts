// The ingest run, in three steps. Parse: discover sources, read and hash them here, parse the changed
// ones once each on a worker pool (batches of pages per message), and keep every outcome in path order
// in a spill file while the batch learns from it (BatchLearning: theme lexicon, ids). Learn: settle
// what the whole batch taught. Write: apply each outcome, in path order, through the one writer; then
// prune, export and report (finishBatch). Nothing is read or parsed twice.

import { createHash } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import { opendirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { PipelineConfig } from '../config/PipelineConfig.js';
import { PARSER_VERSION } from '../version.js';
import { LeaderStore, type RunCounts } from '../sinks/LeaderStore.js';
import { markSound, openCheckedDatabase } from '../sinks/checkDatabase.js';
import { checkExports, findSuspects, healExports, judgeSuspects, type ExportDrift } from '../sinks/checkExports.js';
import { findSuspectsAhead, type SuspectsAhead } from '../sinks/findSuspectsOnThread.js';
import { tempPathFor } from '../sinks/writeFileAtomic.js';
import { walkSources, type Discovery, type SkippedEntry } from './discoverSources.js';
import { parseInOrder, type ReadResult } from './parseInOrder.js';
import { stampIn } from './sourceStamp.js';
import { recordedSourceBase, sourceKeyBase } from './sourceKeyBase.js';
import { underSourceRoots } from './sourceRoots.js';
import { acquireOutputLock, type LockHolder } from './OutputLock.js';
import { prepareOutDir } from './prepareOutDir.js';
import type { GracefulStop } from './gracefulStop.js';
import { removeTempFiles } from './tempFiles.js';
import { LazyRenames } from './renamedSources.js';
import { exactMissing } from './exactMissing.js';
import { IngestWriter } from './IngestWriter.js';
import { BatchLearning, lexiconLimit } from './BatchLearning.js';
import { finishBatch } from './finishBatch.js';
import { appliedOutcomes, pooledFromParsed } from './appliedOutcomes.js';
import { OutcomeSpill } from './OutcomeSpill.js';
import { packOutcome, type StoredSource } from './ParseJob.js';
import { readSource } from './readSource.js';
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
  /** Read and hash every source, even one whose stat stamp says it is untouched (see sourceStamp). */
  rehash?: boolean;
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
  /**
   * The folder source paths are relative to (default: the one recorded in the output folder's
   * database, else `cwd`; see sourceKeyBase). A caller that passes `discovery` walked with it.
   */
  keyBase?: string;
  /** What walkSources found for `inputs`, when the caller has already walked them (the CLI checks each input names a page). */
  discovery?: Discovery | undefined;
  /** The export check's stats, started by the caller before its walk (see findSuspectsAhead). */
  suspectsAhead?: SuspectsAhead | undefined;
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
  /** Sources read and hashed; the others were known untouched from their stat stamp. */
  filesRead: number;
  /** A damaged leaders.db moved aside and rebuilt: where it went. */
  damagedDatabase: string | null;
  /** The signal that stopped the run early, or null when it ran to the end. */
  interrupted: 'SIGINT' | 'SIGTERM' | null;
}

/** Times of the run's steps, in ms (for the benchmark; on stderr only with LEADERPAGES_TIMINGS=1). */
export interface IngestTimings {
  parseMs: number;
  learnMs: number;
  writeMs: number;
  finishMs: number;
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
  const keyBase = options.keyBase ?? sourceKeyBase(options.cwd, outDir);
  const discovery = options.discovery ?? (await walkSources(options.inputs, options.cwd, { followSymlinks: options.followSymlinks ?? false, keyBase }));
  prepareOutDir(leadersDir);
  let waited = false;
  const lock = await acquireOutputLock(outDir, {
    wait: options.wait ?? false,
    cancelled: () => options.stop?.requested ?? false,
    onWait: (holder: LockHolder) => {
      waited = true;
      if (!options.quiet) options.stderr.write(`leaderpages: waiting for another ingest (pid ${holder.pid}, started ${holder.startedAt}) writing ${outDir}\n`);
    },
  }).catch((error: unknown) => {
    options.suspectsAhead?.cancel();
    throw error;
  });
  try {
    // Holding the lock, any temp file found is debris of a killed run.
    removeTempFiles([outDir, leadersDir]);
    // Stats taken ahead while another run wrote the folder are not used.
    const suspectsAhead = waited ? undefined : options.suspectsAhead;
    return await ingestLocked({ ...options, keyBase, suspectsAhead }, outDir, leadersDir, discovery.sources, discovery.skipped);
  } finally {
    options.suspectsAhead?.cancel();
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
  if (store.sourceBase() === null) store.setSourceBase(recordedSourceBase(outDir, options.keyBase ?? options.cwd));
  // The database is the source of truth: exports that drifted from it (deleted, truncated, edited,
  // stray) are put back before the run changes anything, and reported.
  const exported = (store.db.prepare('SELECT count(*) FROM runs').pluck().get() as number) > 0;
  // The stats of every export are taken on another thread (started by the caller before its walk, or
  // now), while this one reads the sources; they are judged before anything is written.
  const ahead = database.damaged !== null || !exported || options.force ? null : (options.suspectsAhead ?? findSuspectsAhead(outDir));
  const suspects = ahead?.result ?? null;
  let healed: ExportDrift[] = exported && options.force ? checkExports(store, outDir) : [];
  if (healed.length > 0) await healExports(store, outDir, healed, store.stamps);
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
  const renames = new LazyRenames(store.db, sources.map((s) => s.path));
  // Learning from separated themes is only sound while inferred splits are marked as such.
  const splitting = options.config.severityOf('themes-inferred') !== null;
  const learning = new BatchLearning(lexiconFile, () => store.separatedThemes(lexiconLimit), splitting);
  const stamps = { get: (path: string): string | undefined => stampIn(sources, path) };
  const writer = new IngestWriter({ store, run, leadersDir, config: options.config, report, configSha256, renames, prune: options.prune, ids: learning.ids, freshLeadersDir: isEmptyDir(leadersDir), stamps });
  const stopped = (): boolean => options.stop?.requested ?? false;
  const progress = new Progress({ stream: options.stderr, quiet: options.quiet, total: sources.length });

  const workers = Math.min(poolSize(options.concurrency), Math.max(1, sources.length));
  // Sources are read in path order while nothing writes: one merged pass over the sources table.
  const lookup = options.force ? null : store.knownSourcesInOrder();
  const known = (path: string): { sha256: string; bytes: number | null; statStamp: string | null; leaderId: string | null; row: StoredSource } | null => {
    const row = lookup?.get(path);
    // A path the database does not know may be a page that moved.
    if (row === undefined) renames.open();
    if (row === undefined || row.sha256 === null || row.parserVersion !== PARSER_VERSION || row.configSha256 !== configSha256) return null;
    // A stored record is reusable while this source still owns its id; a stored rejection unless it
    // was a duplicate-id, which depends on the other sources and is decided again.
    const reusable = row.status === 'rejected' ? !row.duplicate : row.ownerPath === path;
    if (!reusable) return null;
    const { sha256, bytes, statStamp, format, status, leaderId, ownerPath } = row;
    return { sha256, bytes, statStamp, leaderId: status === 'rejected' ? null : leaderId, row: { sha256, format, status, leaderId, ownerPath } };
  };
  const pool = new WorkerPool(workers, () => ({ options: plainOptions, lexicon: learning.startThemes }), {
    heapMb: options.workerMemoryMb,
  });
  const spill = new OutcomeSpill(tempPathFor(join(outDir, 'ingest-outcomes')));
  const timings: IngestTimings = { parseMs: 0, learnMs: 0, writeMs: 0, finishMs: 0 };
  let at = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const ms = now - at;
    at = now;
    return ms;
  };

  let filesRead = 0;
  try {
    const read = async (s: SourceRef): Promise<ReadResult> => {
      const stored = known(s.path);
      // Untouched since its bytes were hashed (same size, inode and change time): not read again.
      if (stored !== null && stored.bytes !== null && s.stamp !== undefined && stored.statStamp === s.stamp && options.rehash !== true) {
        learning.unchanged(s.path, stored.leaderId);
        return { packed: packOutcome({ kind: 'unchanged', path: s.path, sha256: stored.sha256, bytes: stored.bytes, stored: stored.row }) };
      }
      filesRead++;
      const result = await readSource(s, stored?.sha256 ?? null, options.config);
      if ('parse' in result) return result;
      if (result.outcome.kind === 'unchanged') {
        learning.unchanged(s.path, stored?.leaderId ?? null);
        if (stored !== null) result.outcome.stored = stored.row;
      }
      return { packed: packOutcome(result.outcome) };
    };
    let parsedPages = 0;
    await parseInOrder(sources, pool, workers, read, (outcomes) => {
      for (const packed of outcomes) {
        learning.learn(packed);
        spill.append(packed.line);
        if (packed.chrome !== null && parsedPages++ === 0) writer.expectRecords();
      }
      progress.advance(outcomes.length);
    }, stopped);
    timings.parseMs = lap();
    lookup?.close();
    await pool.close();
    if (suspects !== null) {
      // No answer from the thread: the check is made here (the sources are read, the connection is free).
      healed = judgeSuspects(store, (await suspects) ?? findSuspects(store, outDir));
      if (healed.length > 0) await healExports(store, outDir, healed, store.stamps);
    }
    const learned = learning.settle();
    timings.learnMs = lap();
    // Stopped early, the batch is partial: records whose themes were inferred are stored without the
    // config fingerprint, so the next run parses them again with the whole batch.
    const partial = stopped();
    // One thread applies while this one writes: two were no faster on two cores (32.2 vs 32.4 s at 20k)
    // and held 60 MiB more.
    const threads = parsedPages >= pooledFromParsed ? 1 : 0;
    if (threads > 0) writer.checkpointOnThread();
    let sinceYield = 0;
    for await (const { outcome, provisional } of appliedOutcomes(spill.read(), learned, { config: options.config, options: plainOptions, threads, partial })) {
      // A stop while writing ends at a source boundary: what was written commits, the rest is parsed next
      // run. Writing yields now and then, so a signal is heard.
      if (++sinceYield >= 64) {
        sinceYield = 0;
        await setImmediate();
      }
      if (!partial && stopped()) break;
      writer.apply(outcome, provisional);
    }
    writer.commit();
    await writer.close();
    timings.writeMs = lap();
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
    lookup?.close();
    spill.dispose();
    await pool.close();
    await writer.close();
  }

  const interrupted = options.stop?.signal ?? null;
  const finishing = await finishBatch({
    store,
    run,
    outDir,
    report,
    counts: writer.counts,
    startedAt,
    runOptions,
    prune: options.prune,
    exportsNeeded: writer.leadersChanged || recovering,
    interrupted: interrupted !== null,
    inRoots: underSourceRoots(options.inputs, options.cwd, options.keyBase ?? options.cwd),
    healed,
    skipped,
    damaged: database.damaged,
  });
  const { counts, missing } = finishing;
  writeReportPage(store.db, join(outDir, 'report.html'));
  store.db.close();
  markSound(join(outDir, 'leaders.db'));
  timings.finishMs = lap();
  if (process.env['LEADERPAGES_TIMINGS'] === '1') options.stderr.write(`leaderpages timings ${JSON.stringify({ ...timings, workers, filesRead, filesWritten: writer.filesWritten })}\n`);
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
    filesRead,
  };
}

/** A leaders/ folder with nothing in it yet: its files can be written in place (see writeNewFile). */
function isEmptyDir(dir: string): boolean {
  const handle = opendirSync(dir);
  try {
    return handle.readSync() === null;
  } finally {
    handle.closeSync();
  }
}
