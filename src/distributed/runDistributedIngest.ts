// The producer of a distributed ingest (`ingest --queue URL --sink URL`): discover and hash sources as
// the embedded run does, mark unchanged ones in the sink, enqueue one job per changed source (bounded),
// wait for the workers to drain the queue with the embedded progress display, then run the steps that
// need the whole batch once: the theme lexicon pass, failed jobs, prune, exports and the report.

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { UsageError } from '../cli/Command.js';
import { BatchIds } from '../ingest/BatchIds.js';
import { lexiconLimit, lexiconThemes } from '../ingest/BatchLearning.js';
import { walkSources, type SkippedEntry, type SourceRef } from '../ingest/discoverSources.js';
import { acquireOutputLock, type LockHolder } from '../ingest/OutputLock.js';
import { prepareOutDir } from '../ingest/prepareOutDir.js';
import { formatIngestSummary } from '../ingest/formatIngestSummary.js';
import type { IngestOptions, IngestSummary } from '../ingest/runIngest.js';
import { Progress } from '../ingest/Progress.js';
import { readSource } from '../ingest/readSource.js';
import { ReportWriter, type ReportMissing, type ReportSource } from '../ingest/ReportWriter.js';
import type { ParseItem } from '../ingest/ParseJob.js';
import { PgRunStore, type PgKnownSource } from '../sinks/postgres/PgRunStore.js';
import { writePageOutcome, type PageWriteContext } from '../sinks/postgres/writePageOutcome.js';
import { PARSER_VERSION } from '../version.js';
import { configFingerprint, plainOptions } from './configFingerprint.js';
import { redactUrl, redisConnection } from './connectionUrls.js';
import { openSink, reachQueue } from './connectServices.js';
import { exportFromSink } from './exportFromSink.js';
import { encodePageJob } from './PageJob.js';
import { PageQueue } from './PageQueue.js';
import { storeParseSettings } from './ParseSettings.js';
import { themePass } from './themePass.js';

export interface DistributedIngestOptions extends IngestOptions {
  queueUrl: string;
  sinkUrl: string;
  queueName: string;
  /** At most this many jobs wait in Redis; the producer pauses until workers take some. */
  maxWaiting: number;
}

export interface DistributedIngestSummary extends IngestSummary {
  /** Jobs this run put on the queue (0 for an unchanged re-run). */
  enqueued: number;
  /** Jobs that failed for good (reported with queue-job-failed). */
  failed: number;
}

/** Sources read and decided per round (in path order: unchanged ones are marked before later ones are enqueued). */
const chunkSize = 256;

export async function runDistributedIngest(options: DistributedIngestOptions): Promise<DistributedIngestSummary> {
  const startedAt = new Date().toISOString();
  const discovery = await walkSources(options.inputs, options.cwd, { followSymlinks: options.followSymlinks ?? false });
  const outDir = resolve(options.cwd, options.out);
  prepareOutDir(join(outDir, 'leaders'));
  // The output folder is written by one ingest at a time, embedded or distributed (see OutputLock).
  const lock = await acquireOutputLock(outDir, {
    wait: options.wait ?? false,
    onWait: (holder: LockHolder) => {
      if (!options.quiet) options.stderr.write(`leaderpages: waiting for another ingest (pid ${holder.pid}, started ${holder.startedAt}) writing ${outDir}\n`);
    },
  });
  try {
    return await produceLocked(options, startedAt, discovery, outDir);
  } finally {
    lock.release();
  }
}

async function produceLocked(
  options: DistributedIngestOptions,
  startedAt: string,
  discovery: { sources: SourceRef[]; skipped: SkippedEntry[] },
  outDir: string,
): Promise<DistributedIngestSummary> {
  const pg = await openSink(options.sinkUrl, 4);
  const store = await PgRunStore.open(pg);
  if (store === null) {
    await pg.end();
    throw new UsageError(`another ingest is writing to ${redactUrl(options.sinkUrl)}; one producer per sink at a time.`);
  }
  const connection = redisConnection(options.queueUrl);
  const redis = new Redis(connection);
  redis.on('error', () => {});
  try {
    await reachQueue(redis, options.queueUrl);
  } catch (error) {
    redis.disconnect();
    await store.close();
    await pg.end();
    throw error;
  }
  const queue = new PageQueue(options.queueName, connection, options.maxWaiting);
  try {
    return await produce(options, startedAt, discovery.sources, discovery.skipped, outDir, store, redis, queue);
  } finally {
    await queue.close();
    redis.disconnect();
    await store.close();
    await pg.end();
  }
}

async function produce(
  options: DistributedIngestOptions,
  startedAt: string,
  sources: SourceRef[],
  skippedEntries: readonly SkippedEntry[],
  outDir: string,
  store: PgRunStore,
  redis: Redis,
  queue: PageQueue,
): Promise<DistributedIngestSummary> {
  const runOptions = {
    inputs: options.inputs, out: options.out, force: options.force, prune: options.prune, concurrency: options.concurrency,
    queue: redactUrl(options.queueUrl), sink: redactUrl(options.sinkUrl),
  };
  await queue.clearLeftovers();
  const run = await store.beginRun(startedAt, PARSER_VERSION, runOptions);
  const recovering = await store.hasUnfinishedRunBefore(run);
  const report = new ReportWriter(join(outDir, 'report.json'));
  const progress = new Progress({ stream: options.stderr, quiet: options.quiet, total: sources.length });
  const { config } = options;
  const lexiconFile = options.lexiconThemes ?? [];
  const configSha256 = configFingerprint(config, lexiconFile);
  const learning = config.severityOf('themes-inferred') !== null;
  // As BatchLearning: earlier runs' themes join the lexicon file's only while inferred splits are marked.
  const stored = learning ? await store.separatedThemes(lexiconLimit) : [];
  const startLexicon = learning ? lexiconThemes(lexiconFile, stored) : [...lexiconFile];
  const firstPass = await storeParseSettings(redis, options.queueName, {
    options: plainOptions(config), lexicon: startLexicon, configSha256, provisionalIfInferred: learning,
  });
  const writeContext: PageWriteContext = {
    run, configSha256, provisional: false, severityOf: (rule) => config.severityOf(rule) ?? 'error',
  };

  let decided = 0;
  let drained = 0;
  const advanceTo = (done: number): void => {
    if (done > drained) progress.advance(done - drained);
    drained = Math.max(drained, done);
  };
  // Every source is read and hashed here: stat stamps are the embedded store's (see sourceStamp).
  let filesRead = 0;
  try {
    const stopping = (): boolean => options.stop?.requested ?? false;
    for (let start = 0; start < sources.length && !stopping(); start += chunkSize) {
      const chunk = sources.slice(start, start + chunkSize);
      const reads = await Promise.all(chunk.map((s) => readSource(s, null, config)));
      filesRead += chunk.length;
      const items: ParseItem[] = [];
      for (const read of reads) {
        if ('parse' in read) items.push(read.parse);
        else if (read.outcome.kind === 'rejected') await writePageOutcome(store.pool, read.outcome, writeContext);
      }
      const known = options.force ? new Map<string, PgKnownSource>() : await store.knownSources(items.map((i) => i.path));
      const reusable = items.filter((item) => isReusable(known.get(item.path), item, configSha256));
      const unchanged = await store.markUnchanged(reusable.map((i) => ({ path: i.path, leaderId: known.get(i.path)?.leaderId ?? null })), run);
      decided += chunk.length - items.length + unchanged.size;
      progress.advance(chunk.length - items.length + unchanged.size);
      await queue.add(items.filter((i) => !unchanged.has(i.path)).map((i) => encodePageJob(i, run, firstPass)));
      advanceTo(Math.max(0, queue.added - (await queue.outstanding())));
    }
    await queue.drain(advanceTo, stopping);

    const secondPass = stopping() ? null : await themePass({ store, run, learning, fileThemes: lexiconFile, storedThemes: stored, startLexicon, configSha256 });
    if (secondPass !== null) {
      const settings = await storeParseSettings(redis, options.queueName, {
        options: plainOptions(config), lexicon: secondPass.lexicon, configSha256, provisionalIfInferred: false,
      });
      const again = new Set(secondPass.paths);
      for (let start = 0; start < sources.length; start += chunkSize) {
        const chunk = sources.slice(start, start + chunkSize).filter((s) => again.has(s.path));
        const reads = await Promise.all(chunk.map((s) => readSource(s, null, config)));
        filesRead += chunk.length;
        await queue.add(reads.flatMap((r) => ('parse' in r ? [encodePageJob(r.parse, run, settings)] : [])));
      }
      await queue.drain(() => {}, stopping);
    }
    const interrupted = options.stop?.signal ?? null;

    const failed = await queue.takeFailed(run, async (job) => {
      const reason = job.failedReason || 'unknown failure';
      const message = `The queue job for this page failed for good (${reason}); the page was skipped.`;
      await writePageOutcome(store.pool, {
        kind: 'rejected', path: job.data.path, sha256: job.data.sha256, bytes: job.data.bytes, format: null,
        diagnostics: [{ severity: config.severityOf('queue-job-failed') ?? 'error', rule: 'queue-job-failed', message, line: 1, column: 1, endLine: 1, endColumn: 1 }],
      }, { ...writeContext, provisional: true });
    });

    // The embedded run's batch message for an id several sources resolve to: all of them, in path order.
    for (const { id, paths } of await store.duplicateClaims(run)) {
      const ids = new BatchIds();
      for (const path of paths) ids.claim(id, path);
      const message = ids.describe(id);
      if (message !== null) await store.setDuplicateMessage(run, id, message);
    }

    // A stopped run saw only some sources: it reports nothing missing and prunes nothing.
    const gone = interrupted !== null ? [] : await store.missingSources(run);
    const missing: ReportMissing[] = gone.map((m) => ({ path: m.path, id: m.leaderId, pruned: options.prune }));
    const pruned = options.prune && interrupted === null ? await store.pruneMissing(run) : 0;

    const fingerprint = await store.leadersFingerprint();
    if (recovering || pruned > 0 || fingerprint !== (await store.getMeta('exports_fingerprint')) || !existsSync(join(outDir, 'leaders.ndjson'))) {
      await exportFromSink(store, outDir, run);
      await store.setMeta('exports_fingerprint', fingerprint);
    }

    const counts = await store.counts(run);
    counts.missing = gone.length;
    counts.pruned = pruned;
    const rejectedSamples: ReportSource[] = [];
    for await (const entry of store.reportSources(run)) {
      report.add(entry);
      if (entry.status === 'rejected' && rejectedSamples.length < 10) rejectedSamples.push(entry);
    }
    const finishedAt = new Date().toISOString();
    const skipped = skippedEntries.filter((e) => config.severityOf(e.rule) !== null).map((e) => ({ ...e, severity: config.severityOf(e.rule) }));
    const runReport = { startedAt, finishedAt, parserVersion: PARSER_VERSION, counts: { ...counts }, options: runOptions, ...(interrupted !== null ? { interrupted: true } : {}) };
    await report.finish(runReport, missing, { skipped });
    await store.finishRun(run, finishedAt, counts);
    const summary = formatIngestSummary(counts, progress.elapsedMs, outDir, { skipped: skipped.length, interrupted, sourcesTotal: sources.length });
    progress.finish(`${summary} (${queue.added} jobs queued${failed > 0 ? `, ${failed} failed` : ''})`);
    return {
      outDir, counts, missing, rejectedSamples, elapsedMs: progress.elapsedMs, healed: [], skipped, damagedDatabase: null, interrupted, filesRead,
      enqueued: queue.added, failed,
    };
  } catch (error) {
    report.abandon();
    throw error;
  }
}

/** The embedded run's rule: same bytes, parser and config; a record while it owns its id; a rejection unless it was a duplicate. */
function isReusable(known: PgKnownSource | undefined, item: ParseItem, configSha256: string): boolean {
  if (known === undefined || known.sha256 !== item.sha256) return false;
  if (known.parserVersion !== PARSER_VERSION || known.configSha256 !== configSha256) return false;
  return known.status === 'rejected' ? !known.duplicate : known.ownerPath === item.path;
}

