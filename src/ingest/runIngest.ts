// The ingest run, in three steps. Parse: discover sources, read and hash them here, parse the changed
// ones once each on a worker pool (batches of pages per message), and keep every outcome in path order
// in a spill file while the batch learns from it (BatchLearning: theme lexicon, ids). Learn: settle
// what the whole batch taught. Write: apply each outcome, in path order, through the one writer; then
// prune, export and report (finishBatch). Nothing is read or parsed twice.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import PQueue from 'p-queue';
import type { PipelineConfig } from '../config/PipelineConfig.js';
import { PARSER_VERSION } from '../version.js';
import { LeaderStore, type RunCounts } from '../sinks/LeaderStore.js';
import { openDatabase } from '../sinks/openDatabase.js';
import { discoverSources } from './discoverSources.js';
import { IngestWriter } from './IngestWriter.js';
import { BatchLearning, lexiconLimit } from './BatchLearning.js';
import { finishBatch } from './finishBatch.js';
import { OutcomeSpill } from './OutcomeSpill.js';
import { packOutcome, type PackedOutcome, type ParseOutcome } from './ParseJob.js';
import { readSource, type ReadSource } from './readSource.js';
import type { SourceRef } from './discoverSources.js';
import { Progress } from './Progress.js';
import { formatIngestSummary } from './formatIngestSummary.js';
import { ReportWriter, type ReportMissing, type ReportSource } from './ReportWriter.js';
import { WorkerPool } from './WorkerPool.js';

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
}

export interface IngestSummary {
  outDir: string;
  counts: RunCounts;
  missing: ReportMissing[];
  rejectedSamples: ReportSource[];
  elapsedMs: number;
}

export function poolSize(concurrency: number | 'auto'): number {
  return concurrency === 'auto' ? Math.max(1, availableParallelism()) : Math.max(1, Math.floor(concurrency));
}

/** Times of the run's steps, in ms (for the benchmark; on stderr only with LEADERPAGES_TIMINGS=1). */
export interface IngestTimings {
  parseMs: number;
  learnMs: number;
  writeMs: number;
  finishMs: number;
}

export async function runIngest(options: IngestOptions): Promise<IngestSummary> {
  const startedAt = new Date().toISOString();
  const sources = await discoverSources(options.inputs, options.cwd);
  const outDir = resolve(options.cwd, options.out);
  const leadersDir = join(outDir, 'leaders');
  const freshLeadersDir = !existsSync(leadersDir);
  mkdirSync(leadersDir, { recursive: true });

  const store = new LeaderStore(openDatabase(join(outDir, 'leaders.db')));
  const runOptions = { inputs: options.inputs, out: options.out, force: options.force, prune: options.prune, concurrency: options.concurrency };
  const run = store.beginRun(startedAt, PARSER_VERSION, runOptions);
  const recovering = store.hasUnfinishedRunBefore(run) || store.exportsStale();
  const report = new ReportWriter(join(outDir, 'report.json'));
  const { severityOf: _severityOf, ...plainOptions } = options.config;
  const lexiconFile = options.lexiconThemes ?? [];
  // The lexicon file's themes count as config: a changed file re-parses pages split with the old one.
  const fingerprint = lexiconFile.length === 0 ? plainOptions : { ...plainOptions, lexiconThemes: lexiconFile };
  const configSha256 = createHash('sha256').update(JSON.stringify(fingerprint)).digest('hex');
  // Learning from separated themes is only sound while inferred splits are marked as such.
  const splitting = options.config.severityOf('themes-inferred') !== null;
  const learning = new BatchLearning(lexiconFile, () => store.separatedThemes(lexiconLimit), splitting);
  const writer = new IngestWriter({ store, run, leadersDir, config: options.config, report, configSha256, ids: learning.ids, freshLeadersDir });
  const progress = new Progress({ stream: options.stderr, quiet: options.quiet, total: sources.length });

  const workers = Math.min(poolSize(options.concurrency), Math.max(1, sources.length));
  const knownSha256 = (path: string): { sha256: string; leaderId: string | null } | null => {
    if (options.force) return null;
    const known = store.knownSource(path);
    if (known === undefined || known.sha256 === null || known.parserVersion !== PARSER_VERSION || known.configSha256 !== configSha256) return null;
    // A stored record is reusable while this source still owns its id; a stored rejection unless it
    // was a duplicate-id, which depends on the other sources and is decided again.
    const reusable = known.status === 'rejected' ? !known.duplicate : known.ownerPath === path;
    return reusable ? { sha256: known.sha256, leaderId: known.status === 'rejected' ? null : known.leaderId } : null;
  };
  const pool = new WorkerPool(workers, () => ({ options: plainOptions, lexicon: learning.startThemes }), {
    heapMb: options.workerMemoryMb,
  });
  const spill = new OutcomeSpill(join(outDir, '.ingest-outcomes.tmp'));
  const timings: IngestTimings = { parseMs: 0, learnMs: 0, writeMs: 0, finishMs: 0 };
  let at = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const ms = now - at;
    at = now;
    return ms;
  };

  try {
    const read = async (s: SourceRef): Promise<ReadResult> => {
      const known = knownSha256(s.path);
      const result = await readSource(s, known?.sha256 ?? null, options.config);
      if ('parse' in result) return result;
      if (result.outcome.kind === 'unchanged') learning.unchanged(s.path, known?.leaderId ?? null);
      return { packed: packOutcome(result.outcome) };
    };
    await parseInOrder(sources, pool, workers, read, (outcomes) => {
      for (const packed of outcomes) {
        learning.learn(packed);
        spill.append(packed.json);
      }
      progress.advance(outcomes.length);
    });
    timings.parseMs = lap();
    await pool.close();
    learning.settle();
    timings.learnMs = lap();
    for (const line of spill.read()) writer.apply(learning.apply(JSON.parse(line) as ParseOutcome, options.config));
    writer.commit();
    timings.writeMs = lap();
  } catch (error) {
    writer.rollback();
    report.abandon();
    store.db.close();
    throw error;
  } finally {
    spill.dispose();
    await pool.close();
  }

  const { counts, missing } = await finishBatch({
    store,
    run,
    outDir,
    report,
    counts: writer.counts,
    startedAt,
    runOptions,
    prune: options.prune,
    exportsNeeded: writer.leadersChanged || recovering,
  });
  store.db.close();
  timings.finishMs = lap();
  if (process.env['LEADERPAGES_TIMINGS'] === '1') options.stderr.write(`leaderpages timings ${JSON.stringify({ ...timings, workers, filesWritten: writer.filesWritten })}\n`);
  progress.finish(formatIngestSummary(counts, progress.elapsedMs, outDir));
  return { outDir, counts, missing, rejectedSamples: writer.rejectedSamples, elapsedMs: progress.elapsedMs };
}

type ReadResult = { packed: PackedOutcome } | { parse: Extract<ReadSource, { parse: unknown }>['parse'] };

/**
 * One pass over `sources` (the pool starts only if something needs parsing): outcomes arrive out of
 * order and are handed to `apply` strictly in path order.
 */
async function parseInOrder(
  sources: readonly SourceRef[],
  pool: WorkerPool,
  workers: number,
  read: (source: SourceRef) => Promise<ReadResult>,
  apply: (outcomes: PackedOutcome[]) => void,
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
