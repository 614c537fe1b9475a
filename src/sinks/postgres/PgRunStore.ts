// The producer's side of the PostgreSQL sink: runs, which sources are unchanged, the batch's themes,
// and the whole-batch reads (counts, missing, prune, exports, report). Workers write pages with
// writePageOutcome; this class never writes a page's record.

import type { Diagnostic } from '../../diagnostics/Diagnostic.js';
import type { ReportSource } from '../../ingest/ReportWriter.js';
import type { SourceFormat } from '../../schema/LeaderProfile.js';
import type { RunCounts, SourceStatus } from '../LeaderStore.js';
import { lockKeys, type PgClient, type PgPool } from './openPostgres.js';
import { inTransaction } from './writePageOutcome.js';

export interface PgKnownSource {
  path: string;
  sha256: string | null;
  parserVersion: string;
  configSha256: string | null;
  status: SourceStatus;
  leaderId: string | null;
  ownerPath: string | null;
  duplicate: boolean;
}

/** Rows per round trip when paging through big results. */
const page = 1000;

export class PgRunStore {
  private constructor(
    readonly pool: PgPool,
    /** Holds the producer lock for as long as the store is open. */
    private readonly lockClient: PgClient,
  ) {}

  /** One producer per sink at a time, as one embedded ingest per leaders.db: null when another holds the sink. */
  static async open(pool: PgPool): Promise<PgRunStore | null> {
    const client = await pool.connect();
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [lockKeys.producer]);
    if (rows[0]?.locked !== true) {
      client.release();
      return null;
    }
    return new PgRunStore(pool, client);
  }

  async close(): Promise<void> {
    await this.lockClient.query('SELECT pg_advisory_unlock($1)', [lockKeys.producer]).catch(() => {});
    this.lockClient.release();
  }

  async beginRun(startedAt: string, parserVersion: string, options: unknown): Promise<number> {
    const { rows } = await this.pool.query<{ id: string }>('INSERT INTO runs (started_at, parser_version, options) VALUES ($1, $2, $3) RETURNING id', [startedAt, parserVersion, JSON.stringify(options)]);
    return Number(rows[0]?.id);
  }

  async finishRun(run: number, finishedAt: string, counts: RunCounts): Promise<void> {
    await this.pool.query(`UPDATE runs SET finished_at = $2, sources = $3, written = $4, unchanged = $5, rejected = $6, missing = $7, pruned = $8 WHERE id = $1`,
      [run, finishedAt, counts.sources, counts.written, counts.unchanged, counts.rejected, counts.missing, counts.pruned]);
  }

  async hasUnfinishedRunBefore(run: number): Promise<boolean> {
    const { rows } = await this.pool.query('SELECT 1 FROM runs WHERE finished_at IS NULL AND id <> $1 LIMIT 1', [run]);
    return rows.length > 0;
  }

  async knownSources(paths: readonly string[]): Promise<Map<string, PgKnownSource>> {
    const { rows } = await this.pool.query<PgKnownSource>(
      `SELECT s.path, s.sha256, s.parser_version AS "parserVersion", s.config_sha256 AS "configSha256", s.status, s.leader_id AS "leaderId",
         l.source_path AS "ownerPath", EXISTS (SELECT 1 FROM diagnostics d WHERE d.source_path = s.path AND d.rule = 'duplicate-id') AS duplicate
       FROM sources s LEFT JOIN leaders l ON l.id = s.leader_id WHERE s.path = ANY($1::text[])`,
      [paths],
    );
    return new Map(rows.map((r) => [r.path, r]));
  }

  /**
   * Mark these sources seen, unchanged, in `run` — each only if it still owns its leader id (or is a stored
   * rejection), checked under the id's lock so no worker claims the id in between. Returns the paths marked;
   * the others must be parsed.
   */
  async markUnchanged(sources: readonly { path: string; leaderId: string | null }[], run: number): Promise<Set<string>> {
    if (sources.length === 0) return new Set();
    return inTransaction(this.pool, async (client) => {
      const ids = [...new Set(sources.flatMap((s) => (s.leaderId === null ? [] : [s.leaderId])))].sort();
      if (ids.length > 0) await client.query('SELECT pg_advisory_xact_lock(hashtextextended(id, 0)) FROM unnest($1::text[]) WITH ORDINALITY AS u(id, ord) ORDER BY ord', [ids]);
      const { rows } = await client.query<{ path: string }>(
        `UPDATE sources s SET status = CASE s.status WHEN 'rejected' THEN 'rejected' ELSE 'unchanged' END, last_seen_run = $2
         WHERE s.path = ANY($1::text[]) AND (s.status = 'rejected' OR EXISTS (SELECT 1 FROM leaders l WHERE l.id = s.leader_id AND l.source_path = s.path))
         RETURNING s.path`,
        [sources.map((s) => s.path), run],
      );
      return new Set(rows.map((r) => r.path));
    });
  }

  /** Themes stored leaders listed with separators (never inferred ones), most frequent first, at most `limit`. */
  async separatedThemes(limit: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ text: string }>(
      `SELECT t.text FROM themes t JOIN leaders l ON l.id = t.leader_id
       WHERE NOT EXISTS (SELECT 1 FROM diagnostics d WHERE d.source_path = l.source_path AND d.rule = 'themes-inferred')
       GROUP BY t.text ORDER BY count(*) DESC, t.text COLLATE "C" LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.text);
  }

  /** Themes of the pages `run` wrote whose themes were not inferred, in path order then page order. */
  async *separatedThemesOfRun(run: number): AsyncGenerator<string> {
    let after = '';
    for (;;) {
      const { rows } = await this.pool.query<{ path: string; themes: string[] }>(
        `SELECT s.path, array(SELECT t.text FROM themes t WHERE t.leader_id = l.id ORDER BY t.position) AS themes
         FROM sources s JOIN leaders l ON l.source_path = s.path
         WHERE s.last_seen_run = $1 AND s.status = 'written' AND s.path > $2
           AND NOT EXISTS (SELECT 1 FROM diagnostics d WHERE d.source_path = s.path AND d.rule = 'themes-inferred')
         ORDER BY s.path LIMIT $3`,
        [run, after, page],
      );
      for (const row of rows) yield* row.themes;
      if (rows.length < page) return;
      after = rows[rows.length - 1]?.path ?? after;
    }
  }

  /** Pages `run` wrote provisionally (their theme split was inferred), in path order. */
  async provisionalPaths(run: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ path: string }>(
      `SELECT path FROM sources WHERE last_seen_run = $1 AND status = 'written' AND config_sha256 IS NULL ORDER BY path`, [run]);
    return rows.map((r) => r.path);
  }

  /** Provisional results stand (no second pass was needed): give them the config fingerprint. */
  async confirmProvisional(run: number, configSha256: string): Promise<void> {
    await this.pool.query(`UPDATE sources SET config_sha256 = $2 WHERE last_seen_run = $1 AND status = 'written' AND config_sha256 IS NULL`, [run, configSha256]);
  }

  async counts(run: number): Promise<RunCounts> {
    const { rows } = await this.pool.query<{ status: SourceStatus | 'missing'; n: string }>(
      `SELECT CASE WHEN last_seen_run = $1 THEN status ELSE 'missing' END AS status, count(*) AS n FROM sources GROUP BY 1`, [run]);
    const counts: RunCounts = { sources: 0, written: 0, unchanged: 0, rejected: 0, missing: 0, pruned: 0 };
    for (const r of rows) counts[r.status] += Number(r.n);
    counts.sources = counts.written + counts.unchanged + counts.rejected;
    return counts;
  }

  async missingSources(run: number): Promise<{ path: string; leaderId: string | null }[]> {
    const { rows } = await this.pool.query<{ path: string; leaderId: string | null }>(
      'SELECT path, leader_id AS "leaderId" FROM sources WHERE last_seen_run < $1 ORDER BY path', [run]);
    return rows;
  }

  /** Delete sources not seen in `run`; their leaders, child rows and diagnostics go with them. */
  async pruneMissing(run: number): Promise<number> {
    const { rowCount } = await this.pool.query('DELETE FROM sources WHERE last_seen_run < $1', [run]);
    return rowCount ?? 0;
  }

  /** Every stored record, ordered by id (byte order), a page at a time. */
  async *records(where: 'all' | { updatedRun: number } = 'all'): AsyncGenerator<{ id: string; record: string }> {
    let after = '';
    const updated = where === 'all' ? null : where.updatedRun;
    for (;;) {
      const { rows } = await this.pool.query<{ id: string; record: string }>(
        'SELECT id, record FROM leaders WHERE id > $1 AND ($2::bigint IS NULL OR updated_run = $2) ORDER BY id LIMIT $3', [after, updated, page]);
      yield* rows;
      if (rows.length < page) return;
      after = rows[rows.length - 1]?.id ?? after;
    }
  }

  /** The ids among `ids` that have a leader row. */
  async existingIds(ids: readonly string[]): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ id: string }>('SELECT id FROM leaders WHERE id = ANY($1::text[])', [ids]);
    return new Set(rows.map((r) => r.id));
  }

  /** Changes whenever a leader row is inserted or deleted (keys only grow), so exports know when to be redone. */
  async leadersFingerprint(): Promise<string> {
    const { rows } = await this.pool.query<{ n: string; k: string | null }>('SELECT count(*) AS n, max(key) AS k FROM leaders');
    return `${rows[0]?.n}:${rows[0]?.k}`;
  }

  async getMeta(key: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key]);
    return rows[0]?.value ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.pool.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
  }

  /** Ids that several sources parsed in `run` resolve to, with those sources in path order. */
  async duplicateClaims(run: number): Promise<{ id: string; paths: string[] }[]> {
    const { rows } = await this.pool.query<{ id: string; paths: string[] }>(
      `SELECT s.leader_id AS id, array_agg(s.path ORDER BY s.path) AS paths FROM sources s
       WHERE s.last_seen_run = $1 AND s.leader_id IS NOT NULL AND (s.status = 'written'
         OR (s.status = 'rejected' AND EXISTS (SELECT 1 FROM diagnostics d WHERE d.source_path = s.path AND d.rule = 'duplicate-id')))
       GROUP BY s.leader_id HAVING count(*) > 1`,
      [run],
    );
    return rows;
  }

  /** Give the duplicate-id diagnostics of `run`'s sources rejected for `id` this message. */
  async setDuplicateMessage(run: number, id: string, message: string): Promise<void> {
    await this.pool.query(
      `UPDATE diagnostics d SET message = $3 FROM sources s
       WHERE s.leader_id = $2 AND s.last_seen_run = $1 AND s.status = 'rejected' AND d.source_path = s.path AND d.rule = 'duplicate-id'`,
      [run, id, message],
    );
  }

  /** The report's entries for `run`, in path order, with their diagnostics as the embedded report lists them. */
  async *reportSources(run: number): AsyncGenerator<ReportSource> {
    let after = '';
    for (;;) {
      const { rows } = await this.pool.query<{ path: string; format: SourceFormat | null; status: SourceStatus; id: string | null; diagnostics: DiagnosticRow[] }>(
        `SELECT s.path, s.format, s.status, s.leader_id AS id,
           coalesce((SELECT json_agg(json_build_object('severity', d.severity, 'rule', d.rule, 'message', d.message, 'line', d.line,
             'column', d."column", 'endLine', d.end_line, 'endColumn', d.end_column, 'field', d.field) ORDER BY d.id)
             FROM diagnostics d WHERE d.source_path = s.path), '[]'::json) AS diagnostics
         FROM sources s WHERE s.last_seen_run = $1 AND s.path > $2 ORDER BY s.path LIMIT $3`,
        [run, after, page],
      );
      for (const r of rows) {
        const diagnostics = r.diagnostics.map(({ field, ...d }) => (field === null ? d : { ...d, path: field }));
        yield { path: r.path, format: r.format, status: r.status, id: r.id, diagnostics };
      }
      if (rows.length < page) return;
      after = rows[rows.length - 1]?.path ?? after;
    }
  }
}

type DiagnosticRow = Omit<Diagnostic, 'path'> & { field: string | null };
