// The SQLite sink: every read and write the ingest makes on leaders.db, as prepared statements.
// It stores finished records and source bookkeeping; it knows nothing of page formats.

import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import type { LeaderProfile, SourceFormat } from '../schema/LeaderProfile.js';
import type { LeaderDatabase } from './openDatabase.js';
import { ExportStamps } from './exportStamps.js';
import { searchList, searchQuotes } from './searchText.js';

export type SourceStatus = 'written' | 'unchanged' | 'rejected';

export interface SourceRow {
  path: string;
  sha256: string | null;
  bytes: number | null;
  format: string | null;
  status: SourceStatus;
  leaderId: string | null;
  parserVersion: string;
  /** Fingerprint of the pipeline options the source was parsed with. */
  configSha256: string | null;
  /** How long its parse took (ms), when it was parsed. */
  parseMs?: number | null | undefined;
  /** The file's stat stamp when its bytes were hashed (see ingest/sourceStamp), when trusted. */
  statStamp?: string | null | undefined;
}

export interface KnownSource {
  sha256: string | null;
  bytes: number | null;
  format: SourceFormat | null;
  parserVersion: string;
  configSha256: string | null;
  status: SourceStatus;
  leaderId: string | null;
  /** Path of the source that owns `leaderId` now, or null when no leader row has that id. */
  ownerPath: string | null;
  /** The source was rejected as a duplicate id. */
  duplicate: 0 | 1;
  /** The file's stat stamp when `sha256` was taken, or null (see ingest/sourceStamp). */
  statStamp: string | null;
}

export interface LeaderOwner {
  sourcePath: string;
  lastSeenRun: number;
  /** The run that found the owner's source invalid (its record is the last good one), or null. */
  staleRun: number | null;
}

export interface RunCounts {
  sources: number;
  written: number;
  unchanged: number;
  rejected: number;
  missing: number;
  pruned: number;
}

type DiagnosticRow = Omit<Diagnostic, 'path'> & { field: string | null };

function toDiagnostic({ field, ...d }: DiagnosticRow): Diagnostic {
  return field === null ? d : { ...d, path: field };
}

const childTables = ['archetypes', 'themes', 'principles'] as const;

// What the ingest knows of a source (KnownSource, with its path): the owner of its id from the covering
// index leaders_owner, and whether it was rejected as a duplicate id (asked of rejected rows only).
const knownSourceRows = `SELECT s.path, s.sha256, s.bytes, s.format, s.parser_version AS parserVersion, s.config_sha256 AS configSha256,
    s.status, s.leader_id AS leaderId, l.source_path AS ownerPath, s.stat_stamp AS statStamp,
    CASE s.status WHEN 'rejected' THEN EXISTS (SELECT 1 FROM diagnostics d WHERE d.source_path = s.path AND d.rule = 'duplicate-id') ELSE 0 END AS duplicate
  FROM sources s LEFT JOIN leaders l INDEXED BY leaders_owner ON l.id = s.leader_id`;

/** The meta key under which the folder source paths are relative to is recorded (see ingest/sourceKeyBase). */
export const sourceBaseMeta = 'source_base';

export class LeaderStore {
  private readonly statements;
  /** What the exports looked like when last written or compared whole (see exportStamps). */
  readonly stamps: ExportStamps;
  /**
   * Leaders inserted since the last flushSearch, not yet in leaders_fts. FTS5 flushes its pending terms
   * at every statement of a transaction that touches it, so indexing rows one by one between the other
   * writes made a segment per statement; indexing a chunk's rows in one statement makes one.
   */
  readonly #unindexed: number[] = [];
  readonly #unindexedIds = new Set<string>();
  readonly #unindexedPaths = new Set<string>();

  constructor(readonly db: LeaderDatabase) {
    this.stamps = new ExportStamps(db);
    const s = (sql: string) => db.prepare(sql);
    this.statements = {
      knownSources: s(`${knownSourceRows} ORDER BY s.path`),
      knownSourcesIn: s(`${knownSourceRows} WHERE s.path IN (SELECT value FROM json_each(?))`),
      knownSource: s(`${knownSourceRows} WHERE s.path = ?`),
      ownerOf: s(`SELECT l.source_path AS sourcePath, s.last_seen_run AS lastSeenRun, l.stale_run AS staleRun
        FROM leaders l JOIN sources s ON s.path = l.source_path WHERE l.id = ?`),
      upsertSource: s(`INSERT INTO sources (path, sha256, bytes, format, status, leader_id, parser_version, config_sha256, last_seen_run, parse_ms, stat_stamp)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, bytes = excluded.bytes, format = excluded.format,
          status = excluded.status, leader_id = excluded.leader_id, parser_version = excluded.parser_version,
          config_sha256 = excluded.config_sha256, last_seen_run = excluded.last_seen_run, parse_ms = excluded.parse_ms,
          stat_stamp = excluded.stat_stamp`),
      deleteDiagnostics: s(`DELETE FROM diagnostics WHERE source_path = ?`),
      insertDiagnostic: s(`INSERT INTO diagnostics (source_path, severity, rule, message, line, "column", end_line, end_column, field)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      diagnosticsOfAny: s(`SELECT source_path AS sourcePath, severity, rule, message, line, "column", end_line AS endLine, end_column AS endColumn, field
        FROM diagnostics WHERE source_path IN (SELECT value FROM json_each(?)) ORDER BY id`),
      // ? is a JSON array of [path, stat stamp or null] pairs.
      markUnchangedIn: s(`UPDATE sources SET status = CASE status WHEN 'rejected' THEN 'rejected' ELSE 'unchanged' END, last_seen_run = ?,
          stat_stamp = seen.value ->> 1
        FROM json_each(?) AS seen WHERE sources.path = seen.value ->> 0`),
      diagnosticsOf: s(`SELECT severity, rule, message, line, "column", end_line AS endLine, end_column AS endColumn, field
        FROM diagnostics WHERE source_path = ? ORDER BY id`),
      deleteLeader: s(`DELETE FROM leaders WHERE id = ?`),
      leaderIdsOf: s(`SELECT id FROM leaders WHERE source_path = ? ORDER BY id`).pluck(),
      markStale: s(`UPDATE leaders SET stale_run = coalesce(stale_run, ?) WHERE source_path = ?`),
      deleteOtherLeadersOf: s(`DELETE FROM leaders WHERE source_path = ? AND id IS NOT ?`),
      // Positional parameters: binding is cheaper than by name. leaders_fts is filled by flushSearch.
      insertLeader: s(`INSERT INTO leaders (id, name, role_text, role_title, role_organization, bio, appearances, summary,
          source_path, source_sha256, parser_version, record_version, record, updated_run, themes, principles, quotes)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertDimension: s(`INSERT INTO dimensions (leader_id, position, key, name, score) VALUES (?, ?, ?, ?, ?)`),
      insertQuote: s(`INSERT INTO quotes (leader_id, position, text, context) VALUES (?, ?, ?, ?)`),
      insertChild: Object.fromEntries(
        childTables.map((table) => [table, s(`INSERT INTO ${table} (leader_id, position, ${table === 'archetypes' ? 'name' : 'text'}) VALUES (?, ?, ?)`)]),
      ) as Record<(typeof childTables)[number], ReturnType<typeof s>>,
      hasLeader: s(`SELECT 1 FROM leaders WHERE id = ?`).pluck(),
      records: s(`SELECT id, record FROM leaders ORDER BY id`),
      ids: s(`SELECT id FROM leaders ORDER BY id`).pluck(),
      recordOf: s(`SELECT record FROM leaders WHERE id = ?`).pluck(),
      // The most often listed themes first, so a capped lexicon keeps the ones that generalise.
      separatedThemes: s(`SELECT t.text FROM themes t JOIN leaders l ON l.id = t.leader_id
        WHERE NOT EXISTS (SELECT 1 FROM diagnostics d WHERE d.source_path = l.source_path AND d.rule = 'themes-inferred')
        GROUP BY t.text ORDER BY count(*) DESC, t.text LIMIT ?`).pluck(),
      setConfigSha256: s(`UPDATE sources SET config_sha256 = ? WHERE path = ?`),
      insertRun: s(`INSERT INTO runs (started_at, parser_version, options) VALUES (?, ?, ?)`),
      finishRun: s(`UPDATE runs SET finished_at = @finishedAt, sources = @sources, written = @written, unchanged = @unchanged,
        rejected = @rejected, missing = @missing, pruned = @pruned WHERE id = @run`),
      unfinishedRuns: s(`SELECT count(*) FROM runs WHERE finished_at IS NULL AND id <> ?`).pluck(),
      missingSources: s(`SELECT path, leader_id AS leaderId FROM sources WHERE last_seen_run < ? ORDER BY path`),
      deleteSource: s(`DELETE FROM sources WHERE path = ?`),
      fillSearch: s(`INSERT INTO leaders_fts (rowid, name, role_text, bio, summary, themes, principles, quotes)
        SELECT key, name, role_text, bio, summary, themes, principles, quotes FROM leaders WHERE key IN (SELECT value FROM json_each(?))`),
      getMeta: s(`SELECT value FROM meta WHERE key = ?`).pluck(),
      setMeta: s(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`),
    };
  }

  beginRun(startedAt: string, parserVersion: string, options: unknown): number {
    return Number(this.statements.insertRun.run(startedAt, parserVersion, JSON.stringify(options)).lastInsertRowid);
  }

  finishRun(run: number, finishedAt: string, counts: RunCounts): void {
    this.statements.finishRun.run({ run, finishedAt, ...counts });
  }

  /** The inputs this run's folder walk skipped, replacing those of earlier runs. */
  saveSkippedInputs(run: number, entries: readonly { path: string; rule: string; severity: string | null; message: string }[]): void {
    const insert = this.db.prepare(`INSERT INTO skipped_inputs (run, path, rule, severity, message) VALUES (?, ?, ?, ?, ?)`);
    this.db.transaction(() => {
      this.db.prepare(`DELETE FROM skipped_inputs`).run();
      for (const e of entries) insert.run(run, e.path, e.rule, e.severity ?? 'warning', e.message);
    })();
  }

  /** True when an earlier run was killed before it finished, so exports may lag the tables. */
  hasUnfinishedRunBefore(run: number): boolean {
    return (this.statements.unfinishedRuns.get(run) as number) > 0;
  }

  knownSource(path: string): KnownSource | undefined {
    return this.statements.knownSource.get(path) as KnownSource | undefined;
  }

  /**
   * A reader of knownSource for paths asked in ascending order: one pass over the sources table merged
   * with the caller's sorted list instead of a query per path (the cost of an unchanged re-run). A path
   * the merge cannot place (SQLite orders by UTF-8 bytes, JavaScript by UTF-16 units) is looked up alone.
   * Call `close` before anything writes (an open read keeps the connection busy).
   */
  knownSourcesInOrder(): { get(path: string): KnownSource | undefined; close(): void } {
    const rows = this.statements.knownSources.iterate() as IterableIterator<KnownSource & { path: string }>;
    let row: (KnownSource & { path: string }) | undefined = rows.next().value;
    const get = (path: string): KnownSource | undefined => {
      while (row !== undefined && row.path < path) row = rows.next().value;
      if (row !== undefined && row.path === path) {
        // The row as read (its `path` too): no copy per source.
        const known = row;
        row = rows.next().value;
        return known;
      }
      return this.knownSource(path);
    };
    return {
      get,
      close: () => {
        rows.return?.();
        row = undefined;
      },
    };
  }

  ownerOf(id: string): LeaderOwner | undefined {
    return this.statements.ownerOf.get(id) as LeaderOwner | undefined;
  }

  hasLeader(id: string): boolean {
    return this.statements.hasLeader.get(id) !== undefined;
  }

  /** Insert or update a source row and replace its diagnostics. */
  saveSource(row: SourceRow, run: number, diagnostics: readonly Diagnostic[]): void {
    // Positional, as insertLeader: binding by name copied the row into a new object per source.
    this.statements.upsertSource.run(row.path, row.sha256, row.bytes, row.format, row.status, row.leaderId, row.parserVersion, row.configSha256, run, row.parseMs ?? null, row.statStamp ?? null);
    this.statements.deleteDiagnostics.run(row.path);
    for (const d of diagnostics) {
      this.statements.insertDiagnostic.run(row.path, d.severity, d.rule, d.message, d.line, d.column, d.endLine, d.endColumn, d.path ?? null);
    }
  }

  /**
   * These sources were seen unchanged by `run` (a stored rejection stays rejected), in one statement,
   * each with its file's stat stamp as seen now (null when not trusted).
   */
  markUnchangedMany(sources: readonly (readonly [path: string, statStamp: string | null])[], run: number): void {
    if (sources.length > 0) this.statements.markUnchangedIn.run(run, JSON.stringify(sources));
  }

  /** knownSource for many paths, in one query (a path with no row is absent from the map). */
  knownSources(paths: readonly string[]): Map<string, KnownSource> {
    const rows = this.statements.knownSourcesIn.all(JSON.stringify(paths)) as (KnownSource & { path: string })[];
    return new Map(rows.map(({ path, ...known }) => [path, known]));
  }

  diagnosticsOf(path: string): Diagnostic[] {
    return (this.statements.diagnosticsOf.all(path) as DiagnosticRow[]).map(toDiagnostic);
  }

  /** diagnosticsOf for many paths, in one query (a path with none is absent from the map). */
  diagnosticsOfMany(paths: readonly string[]): Map<string, Diagnostic[]> {
    const byPath = new Map<string, Diagnostic[]>();
    for (const { sourcePath, ...row } of this.statements.diagnosticsOfAny.all(JSON.stringify(paths)) as (DiagnosticRow & { sourcePath: string })[]) {
      const list = byPath.get(sourcePath);
      if (list === undefined) byPath.set(sourcePath, [toDiagnostic(row)]);
      else list.push(toDiagnostic(row));
    }
    return byPath;
  }

  leaderIdsOf(sourcePath: string): string[] {
    return this.statements.leaderIdsOf.all(sourcePath) as string[];
  }

  /** Keep the leaders a source produced before as its last good records, marked stale. Returns how many. */
  markStale(sourcePath: string, run: number): number {
    return this.statements.markStale.run(run, sourcePath).changes;
  }

  /** Remove the leaders a source produced before, except `keepId`. Returns how many went. */
  deleteLeadersOf(sourcePath: string, keepId: string | null = null): number {
    if (this.#unindexedPaths.has(sourcePath)) this.flushSearch();
    return this.statements.deleteOtherLeadersOf.run(sourcePath, keepId).changes;
  }

  /** Replace a leader's rows (delete children via cascade, insert new) with this record. */
  replaceLeader(record: LeaderProfile, recordJson: string, run: number): void {
    const st = this.statements;
    // The delete trigger takes a row out of leaders_fts, so a row must be in it before it is deleted.
    if (this.#unindexedIds.has(record.id)) this.flushSearch();
    st.deleteLeader.run(record.id);
    const key = st.insertLeader.run(
      record.id,
      record.name,
      record.role?.text ?? null,
      record.role?.title ?? null,
      record.role?.organization ?? null,
      record.bio,
      record.appearances,
      record.summary,
      record.source.path,
      record.source.sha256,
      record.source.parserVersion,
      record.source.recordVersion,
      recordJson,
      run,
      // One item per line: the text leaders_fts indexes (null for none, as migration 4 fills them).
      searchList(record.themes),
      searchList(record.principles),
      searchQuotes(record.quotes),
    ).lastInsertRowid;
    this.#unindexed.push(Number(key));
    this.#unindexedIds.add(record.id);
    this.#unindexedPaths.add(record.source.path);
    record.archetypes.forEach((name, i) => st.insertChild.archetypes.run(record.id, i, name));
    record.themes.forEach((text, i) => st.insertChild.themes.run(record.id, i, text));
    record.principles.forEach((text, i) => st.insertChild.principles.run(record.id, i, text));
    record.dimensions.forEach((d, i) => st.insertDimension.run(record.id, i, d.key, d.name, d.score));
    record.quotes.forEach((q, i) => st.insertQuote.run(record.id, i, q.text, q.context));
  }

  /** Index the leaders inserted since the last call in leaders_fts, in one statement. Call before COMMIT. */
  flushSearch(): void {
    if (this.#unindexed.length === 0) return;
    this.statements.fillSearch.run(JSON.stringify(this.#unindexed));
    this.#unindexed.length = 0;
    this.#unindexedIds.clear();
    this.#unindexedPaths.clear();
  }

  /** After a rollback: the rows waiting for flushSearch are gone. */
  forgetUnindexed(): void {
    this.#unindexed.length = 0;
    this.#unindexedIds.clear();
    this.#unindexedPaths.clear();
  }

  /** Every stored record as its compact JSON, ordered by id, one row at a time. */
  *records(): Generator<{ id: string; record: string }> {
    yield* this.statements.records.iterate() as IterableIterator<{ id: string; record: string }>;
  }

  /** Every stored leader's id, in id order (what records() yields, without the records). */
  *ids(): Generator<string> {
    yield* this.statements.ids.iterate() as IterableIterator<string>;
  }

  recordOf(id: string): string | undefined {
    return this.statements.recordOf.get(id) as string | undefined;
  }

  /** Themes stored leaders listed with separators (never inferred ones), most frequent first, at most `limit`. */
  separatedThemes(limit: number): string[] {
    return this.statements.separatedThemes.all(limit) as string[];
  }

  setConfigSha256(path: string, configSha256: string): void {
    this.statements.setConfigSha256.run(configSha256, path);
  }

  missingSources(run: number): { path: string; leaderId: string | null }[] {
    return this.statements.missingSources.all(run) as { path: string; leaderId: string | null }[];
  }

  /** Delete a source row; its leaders, their children, FTS rows and diagnostics go with it. */
  deleteSource(path: string): void {
    if (this.#unindexedPaths.has(path)) this.flushSearch();
    this.statements.deleteSource.run(path);
  }

  exportsStale(): boolean {
    return this.statements.getMeta.get('exports_stale') === '1';
  }

  setExportsStale(stale: boolean): void {
    this.statements.setMeta.run('exports_stale', stale ? '1' : '0');
  }

  /** The folder source paths are relative to, as recorded (see sourceKeyBase), or null before any run. */
  sourceBase(): string | null {
    return (this.statements.getMeta.get(sourceBaseMeta) as string | undefined) ?? null;
  }

  setSourceBase(recorded: string): void {
    this.statements.setMeta.run(sourceBaseMeta, recorded);
  }
}
