// The one writer of an ingest run. It takes final parse outcomes (the batch already learned from) in
// path order and decides each source: written, unchanged, or rejected (including duplicate-id, where the
// first path wins). Chunks of sources share one transaction. JSON files are written before the
// transaction that records them commits, so a killed run never leaves the database pointing at a file
// that is not there; the next run redoes anything uncommitted.

import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import type { PipelineConfig } from '../config/PipelineConfig.js';
import { PARSER_VERSION } from '../version.js';
import type { KnownSource, LeaderStore, RunCounts } from '../sinks/LeaderStore.js';
import type { StoredSource } from './ParseJob.js';
import { leaderJsonPath } from '../sinks/leaderJsonPath.js';
import { formatRecordLine } from '../sinks/formatRecordJson.js';
import { LeaderFileWriter } from '../sinks/LeaderFileWriter.js';
import { WalCheckpointer } from '../sinks/WalCheckpointer.js';
import type { BatchIds } from './BatchIds.js';
import { duplicateIdDiagnostic } from './duplicateId.js';
import type { ParseOutcome } from './ParseJob.js';
import type { ReportSource, ReportWriter } from './ReportWriter.js';
import type { MovedSource, ParsedPage } from './renamedSources.js';

export interface IngestWriterOptions {
  store: LeaderStore;
  run: number;
  leadersDir: string;
  config: PipelineConfig;
  report: ReportWriter;
  /** Fingerprint of the pipeline options, stored with each parsed source. */
  configSha256: string;
  /** Sources per transaction. */
  batchSize?: number;
  /** --prune: a source that turned invalid loses its leaders now, instead of keeping them marked stale. */
  prune?: boolean;
  /** Which sources of the batch claim each id, to name them all in a duplicate-id error. */
  ids?: BatchIds;
  /** Moves of pages to new paths this run (see RenameTracker, LazyRenames); null when there can be none. */
  renames?: { adopt(page: ParsedPage): MovedSource | null } | null;
  /** leaders/ was created by this run: files are written in place (no temp file, no compare). */
  freshLeadersDir?: boolean;
  /** Each source's stat stamp from the walk, stored with the hash it vouches for (see sourceStamp). */
  stamps?: { get(path: string): string | undefined };
}

type UnchangedOutcome = Extract<ParseOutcome, { kind: 'unchanged' }>;

/** Unchanged sources decided together (see decideHeld). */
const heldUnchanged = 256;

function fileDiagnostic(config: PipelineConfig, rule: 'invalid-record', message: string): Diagnostic {
  return { severity: config.severityOf(rule) ?? 'error', rule, message, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

export class IngestWriter {
  readonly counts: RunCounts = { sources: 0, written: 0, unchanged: 0, rejected: 0, missing: 0, pruned: 0 };
  /** JSON files actually rewritten (content changed). */
  filesWritten = 0;
  leadersChanged = false;
  readonly rejectedSamples: ReportSource[] = [];
  private inTransaction = false;
  private pending = 0;
  /** Unchanged sources not decided yet (see decideHeld); always decided before any other source. */
  private readonly held: UnchangedOutcome[] = [];
  /** Leader ids this run wrote, and how many leaders it deleted: what can make a row read earlier stale. */
  private readonly idsWritten = new Set<string>();
  private leadersDeleted = 0;
  private readonly batchSize: number;
  /** leaders/<id>.json, written on a thread of their own; all on disk before the rows naming them commit. */
  private readonly files: LeaderFileWriter;
  /** Checkpoints on a thread of their own (see checkpointOnThread), or null: the connection's own. */
  private checkpointer: WalCheckpointer | null = null;

  constructor(private readonly options: IngestWriterOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.files = new LeaderFileWriter(options.freshLeadersDir === true);
  }

  /** `provisional`: stored without the config fingerprint, so the next run parses the source again. */
  apply(outcome: ParseOutcome, provisional = false): void {
    if (outcome.kind === 'unchanged') {
      this.held.push(outcome);
      if (this.held.length >= heldUnchanged) this.decideHeld();
      return;
    }
    this.decideHeld();
    this.begin();
    this.add(this.decide(outcome, provisional));
    if (this.pending >= this.batchSize) this.commit();
  }

  private add(entry: ReportSource): void {
    this.counts.sources++;
    this.counts[entry.status]++;
    if (entry.status === 'rejected' && this.rejectedSamples.length < 10) this.rejectedSamples.push(entry);
    this.options.report.add(entry);
    this.pending++;
  }

  /**
   * Decide the unchanged sources held back, in order, with one query for their rows, one for their
   * diagnostics and one update, instead of three statements each (most of an unchanged re-run's writes).
   */
  private decideHeld(): void {
    if (this.held.length === 0) return;
    const { store, run } = this.options;
    const held = this.held.splice(0);
    this.begin();
    const paths = held.map((o) => o.path);
    // The rows read before the run still hold unless this run wrote a leader they name or deleted any.
    const holds = (o: UnchangedOutcome): boolean => o.stored !== undefined && this.leadersDeleted === 0 && (o.stored.leaderId === null || !this.idsWritten.has(o.stored.leaderId));
    const reread = held.filter((o) => !holds(o)).map((o) => o.path);
    const known = reread.length > 0 ? store.knownSources(reread) : new Map<string, KnownSource>();
    const diagnostics = store.diagnosticsOfMany(paths);
    const unchanged: [string, string | null][] = [];
    // Deleting leaders (--prune of a rejected page) can change who owns an id: once that happens here,
    // the rows read above are read again one by one, as deciding each alone would.
    const deletedBefore = this.leadersDeleted;
    for (const outcome of held) {
      const alone = this.leadersDeleted !== deletedBefore;
      const row = alone ? store.knownSource(outcome.path) : holds(outcome) ? outcome.stored : known.get(outcome.path);
      const decided = this.decideUnchanged(outcome, row, () => (alone ? store.diagnosticsOf(outcome.path) : (diagnostics.get(outcome.path) ?? [])));
      if (decided.marked) unchanged.push([outcome.path, this.stampOf(outcome.path)]);
      this.add(decided.entry);
    }
    store.markUnchangedMany(unchanged, run);
    if (this.pending >= this.batchSize) this.commit();
  }

  commit(): void {
    this.decideHeld();
    if (!this.inTransaction) return;
    // The files now hold these records: stamped after the rows, whose change dropped the old stamps.
    for (const file of this.files.settle()) {
      if (file.changed) this.filesWritten++;
      this.options.store.stamps.record(file.name, file.path, file.stamp);
    }
    this.options.store.flushSearch();
    this.options.store.db.exec('COMMIT');
    this.inTransaction = false;
    this.pending = 0;
    this.checkpointer?.committed();
  }

  /** Many records will be written: the WAL is checkpointed on another thread (see WalCheckpointer). */
  checkpointOnThread(): void {
    this.checkpointer ??= WalCheckpointer.start(this.options.store.db);
  }

  /** Records will be written: the file thread starts now, so it is ready when they come. */
  expectRecords(): void {
    this.files.warmUp();
  }

  /** After the last commit (or a rollback): stop the file and checkpoint threads. */
  async close(): Promise<void> {
    await Promise.all([this.files.close(), this.checkpointer?.stop()]);
  }

  /** Called when the run fails: drop the open batch (its JSON files are redone by the next run). */
  rollback(): void {
    this.held.length = 0;
    void this.files.close();
    void this.checkpointer?.stop();
    if (!this.inTransaction) return;
    this.inTransaction = false;
    // SQLite may already have rolled back by itself (disk full, I/O error): a second ROLLBACK would
    // fail and hide the error that matters.
    if (this.options.store.db.inTransaction) this.options.store.db.exec('ROLLBACK');
    this.options.store.forgetUnindexed();
  }

  private stampOf(path: string): string | null {
    return this.options.stamps?.get(path) ?? null;
  }

  private begin(): void {
    if (this.inTransaction) return;
    this.checkpointer?.beforeBegin();
    this.options.store.db.exec('BEGIN IMMEDIATE');
    this.inTransaction = true;
  }

  /** Note that `count` leaders were deleted; returns whether any were. */
  private deletedLeaders(count: number): boolean {
    this.leadersDeleted += count;
    return count > 0;
  }

  private leadersWillChange(): void {
    if (this.leadersChanged) return;
    this.leadersChanged = true;
    this.options.store.setExportsStale(true);
  }

  /**
   * An unchanged source, from its stored row. `marked`: it is to be marked seen by this run (the
   * caller does it for all at once).
   */
  private decideUnchanged(
    outcome: UnchangedOutcome,
    known: StoredSource | undefined,
    storedDiagnostics: () => Diagnostic[],
  ): { entry: ReportSource; marked: boolean } {
    const { store, config } = this.options;
    const id = known?.leaderId ?? null;
    if (known !== undefined && known.ownerPath !== null && known.ownerPath !== outcome.path) {
      // An earlier path claimed this id during this run.
      const entry = this.reject(outcome.path, known.sha256, outcome.bytes, known.format, id, [duplicateIdDiagnostic(config, id ?? '', known.ownerPath)]);
      return { entry, marked: false };
    }
    // A stored rejection of the same bytes stands: reported again without parsing.
    const status = known?.status === 'rejected' ? 'rejected' : 'unchanged';
    const entry: ReportSource = { path: outcome.path, format: known?.format ?? null, status, id, diagnostics: storedDiagnostics() };
    if (status === 'rejected') {
      // Its stale last good record: removed with --prune, else reported again as kept.
      if (this.options.prune === true) {
        if (this.deletedLeaders(store.deleteLeadersOf(outcome.path))) this.leadersWillChange();
      } else {
        const kept = store.leaderIdsOf(outcome.path);
        if (kept.length > 0) entry.stale = kept;
      }
    }
    return { entry, marked: true };
  }

  private decide(outcome: Exclude<ParseOutcome, UnchangedOutcome>, provisional: boolean): ReportSource {
    const { store, run, config } = this.options;
    if (outcome.kind === 'rejected') {
      return this.reject(outcome.path, outcome.sha256, outcome.bytes, outcome.format, null, outcome.diagnostics, outcome.parseMs);
    }
    const moved = this.options.renames?.adopt(outcome) ?? null;
    const { record } = moved ?? outcome;
    const file = leaderJsonPath(this.options.leadersDir, record.id);
    if (file === null) {
      return this.reject(outcome.path, outcome.sha256, outcome.bytes, outcome.format, null, [
        ...outcome.diagnostics,
        fileDiagnostic(config, 'invalid-record', `Leader id "${record.id}" is not a safe file name; nothing was written.`),
      ], outcome.parseMs);
    }
    const owner = store.ownerOf(record.id);
    // A stale owner (its source is invalid now) gives the id up to a source that yields a record.
    if (owner !== undefined && owner.sourcePath !== outcome.path && owner.lastSeenRun === run && owner.staleRun === null) {
      const many = this.options.ids?.describe(record.id) ?? null;
      const duplicate = duplicateIdDiagnostic(config, record.id, owner.sourcePath);
      return this.reject(outcome.path, outcome.sha256, outcome.bytes, outcome.format, record.id, [
        ...outcome.diagnostics,
        many === null ? duplicate : { ...duplicate, message: many },
      ], outcome.parseMs);
    }
    this.leadersWillChange();
    const line = formatRecordLine(record);
    // The file thread lays the line out as leaders/<id>.json (leaderFileContent): not on this thread.
    this.files.write(`leaders/${record.id}.json`, file, line);
    store.saveSource(
      { path: outcome.path, sha256: outcome.sha256, bytes: outcome.bytes, format: outcome.format, status: 'written', leaderId: record.id, parserVersion: PARSER_VERSION, configSha256: provisional ? null : this.options.configSha256, parseMs: outcome.parseMs, statStamp: this.stampOf(outcome.path) },
      run,
      outcome.diagnostics,
    );
    this.deletedLeaders(store.deleteLeadersOf(outcome.path, record.id));
    store.replaceLeader(record, line, run);
    this.idsWritten.add(record.id);
    // The page moved: its leader now belongs to the new path, and the old source row goes.
    if (moved !== null) {
      store.deleteSource(moved.fromPath);
      this.deletedLeaders(1);
    }
    const entry: ReportSource = { path: outcome.path, format: outcome.format, status: 'written', id: record.id, diagnostics: outcome.diagnostics };
    return moved === null ? entry : { ...entry, movedFrom: moved.fromPath };
  }

  private reject(
    path: string,
    sha256: string | null,
    bytes: number | null,
    format: ReportSource['format'],
    id: string | null,
    diagnostics: Diagnostic[],
    parseMs?: number,
  ): ReportSource {
    const { store, run } = this.options;
    const statStamp = sha256 === null ? null : this.stampOf(path);
    store.saveSource({ path, sha256, bytes, format, status: 'rejected', leaderId: id, parserVersion: PARSER_VERSION, configSha256: this.options.configSha256, parseMs, statStamp }, run, diagnostics);
    // A source that turned invalid keeps its last good record, marked stale (the exports keep it);
    // only --prune removes it. (Issue 13: an edit that breaks a page must not unpublish its leader.)
    if (this.options.prune === true) {
      if (this.deletedLeaders(store.deleteLeadersOf(path))) this.leadersWillChange();
      return { path, format, status: 'rejected', id, diagnostics };
    }
    store.markStale(path, run);
    const kept = store.leaderIdsOf(path);
    return kept.length > 0 ? { path, format, status: 'rejected', id, diagnostics, stale: kept } : { path, format, status: 'rejected', id, diagnostics };
  }
}
