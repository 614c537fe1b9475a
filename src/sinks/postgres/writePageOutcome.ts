// One page's outcome into the PostgreSQL sink, in one transaction, as an idempotent upsert: writing the
// same outcome twice (BullMQ delivers at least once) leaves the same rows. Which source owns a leader
// id is decided by `claimRule` in SQL, never by which worker wrote first.

import { formatRecordLine } from '../formatRecordJson.js';
import type { Diagnostic } from '../../diagnostics/Diagnostic.js';
import type { ParseOutcome } from '../../ingest/ParseJob.js';
import { leaderJsonPath } from '../leaderJsonPath.js';
import { PARSER_VERSION } from '../../version.js';
import type { PgClient, PgPool } from './openPostgres.js';
import { insertLeaderRows } from './insertLeaderRows.js';

export interface PageWriteContext {
  run: number;
  /** Fingerprint of the pipeline options of the run. */
  configSha256: string;
  /** Store no `configSha256`, so the next run parses the page again (a provisional theme split, a failed job). */
  provisional: boolean;
  /** Severity of `duplicate-id` and `invalid-record` diagnostics made here (the config's, or error). */
  severityOf(rule: 'duplicate-id' | 'invalid-record'): Diagnostic['severity'];
}

export type PageWriteResult = 'written' | 'rejected' | 'stale';

/**
 * The rule for two sources of one id: the current owner keeps it while it was seen in this run and its
 * path sorts first (byte order); a path that sorts first, or any path against an owner not seen in this
 * run (gone, or not yet reached), takes it. Whatever order workers finish in, the lowest path present
 * ends up owning the id — the embedded run's rule, where sources are applied in path order.
 */
export const claimRule = `
  SELECT l.source_path AS owner, s.status AS "ownerStatus", s.last_seen_run = $3 AS "ownerSeen",
         (l.source_path = $2 OR s.last_seen_run < $3 OR $2 < l.source_path) AS takes
  FROM leaders l JOIN sources s ON s.path = l.source_path
  WHERE l.id = $1`;

const upsertSource = `
  INSERT INTO sources (path, sha256, bytes, format, status, leader_id, parser_version, config_sha256, last_seen_run, parse_ms)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
  ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256, bytes = excluded.bytes, format = excluded.format,
    status = excluded.status, leader_id = excluded.leader_id, parser_version = excluded.parser_version,
    config_sha256 = excluded.config_sha256, last_seen_run = excluded.last_seen_run, parse_ms = excluded.parse_ms
  WHERE sources.last_seen_run <= excluded.last_seen_run
  RETURNING path`;

const insertDiagnostics = `
  INSERT INTO diagnostics (source_path, severity, rule, message, line, "column", end_line, end_column, field)
  SELECT $1, d.severity, d.rule, d.message, d.line, d."column", d.end_line, d.end_column, d.field
  FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::int[], $8::int[], $9::text[])
    WITH ORDINALITY AS d(severity, rule, message, line, "column", end_line, end_column, field, ord)
  ORDER BY d.ord`;

export function duplicateMessage(id: string, owner: string): string {
  return `Leader id "${id}" is already produced by ${owner}, which comes first by path; this source is skipped.`;
}

async function replaceDiagnostics(client: PgClient, path: string, diagnostics: readonly Diagnostic[]): Promise<void> {
  const column = <K extends keyof Diagnostic>(key: K) => diagnostics.map((d) => d[key] ?? null);
  // One round trip: the DELETE's snapshot does not see the rows the INSERT adds.
  await client.query(`WITH gone AS (DELETE FROM diagnostics WHERE source_path = $1) ${insertDiagnostics}`, [
    path, column('severity'), column('rule'), column('message'), column('line'), column('column'), column('endLine'), column('endColumn'), column('path'),
  ]);
}

/**
 * Serialize every writer of these leader ids and of the ids `path` owns now (always locked in sorted
 * order, so two writers never deadlock on them), in one round trip.
 */
async function lockIds(client: PgClient, ids: readonly string[], path: string): Promise<void> {
  await client.query(
    `SELECT pg_advisory_xact_lock(hashtextextended(id, 0))
     FROM (SELECT DISTINCT id FROM (SELECT unnest($1::text[]) AS id UNION SELECT id FROM leaders WHERE source_path = $2) AS ids ORDER BY id) AS sorted`,
    [ids, path],
  );
}

const retryable = new Set(['40001', '40P01']);

/** Run `body` in a transaction, again from the start when PostgreSQL picks it as a deadlock or serialization victim. */
export async function inTransaction<T>(pool: PgPool, body: (client: PgClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await body(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      if (attempt >= 10 || !retryable.has((error as { code?: string }).code ?? '')) throw error;
    } finally {
      client.release();
    }
  }
}

class Stale extends Error {}

export async function writePageOutcome(pool: PgPool, outcome: ParseOutcome, ctx: PageWriteContext): Promise<PageWriteResult> {
  if (outcome.kind === 'unchanged') throw new Error('unchanged sources are marked by the producer, not written');
  try {
    return await inTransaction(pool, (client) => (outcome.kind === 'parsed' ? writeParsed(client, outcome, ctx) : writeRejected(client, outcome, ctx)));
  } catch (error) {
    if (error instanceof Stale) return 'stale';
    throw error;
  }
}

async function saveSource(client: PgClient, values: unknown[]): Promise<void> {
  const { rowCount } = await client.query(upsertSource, values);
  // A job of an older run delivered late: this run has already decided the source.
  if (rowCount === 0) throw new Stale();
}

async function writeRejected(client: PgClient, outcome: Extract<ParseOutcome, { kind: 'rejected' }>, ctx: PageWriteContext, id: string | null = null): Promise<PageWriteResult> {
  const { path } = outcome;
  await lockIds(client, [], path);
  await saveSource(client, [path, outcome.sha256, outcome.bytes, outcome.format, 'rejected', id, PARSER_VERSION, ctx.provisional ? null : ctx.configSha256, ctx.run, outcome.parseMs ?? null]);
  await replaceDiagnostics(client, path, outcome.diagnostics);
  // A source that no longer yields a record no longer backs the leaders it produced before.
  await client.query('DELETE FROM leaders WHERE source_path = $1', [path]);
  return 'rejected';
}

async function writeParsed(client: PgClient, outcome: Extract<ParseOutcome, { kind: 'parsed' }>, ctx: PageWriteContext): Promise<PageWriteResult> {
  const { path, record } = outcome;
  const fileDiagnostic = (rule: 'duplicate-id' | 'invalid-record', message: string): Diagnostic => ({
    severity: ctx.severityOf(rule), rule, message, line: 1, column: 1, endLine: 1, endColumn: 1,
  });
  const rejected = { kind: 'rejected' as const, path, sha256: outcome.sha256, bytes: outcome.bytes, format: outcome.format, ...(outcome.parseMs === undefined ? {} : { parseMs: outcome.parseMs }) };
  if (leaderJsonPath('leaders', record.id) === null) {
    const message = `Leader id "${record.id}" is not a safe file name; nothing was written.`;
    return writeRejected(client, { ...rejected, diagnostics: [...outcome.diagnostics, fileDiagnostic('invalid-record', message)] }, ctx);
  }
  await lockIds(client, [record.id], path);
  const { rows } = await client.query<{ owner: string; ownerStatus: string; ownerSeen: boolean; takes: boolean }>(claimRule, [record.id, path, ctx.run]);
  const claim = rows[0];
  if (claim !== undefined && !claim.takes) {
    const diagnostics = [...outcome.diagnostics, fileDiagnostic('duplicate-id', duplicateMessage(record.id, claim.owner))];
    return writeRejected(client, { ...rejected, diagnostics }, ctx, record.id);
  }
  await saveSource(client, [path, outcome.sha256, outcome.bytes, outcome.format, 'written', record.id, PARSER_VERSION, ctx.provisional ? null : ctx.configSha256, ctx.run, outcome.parseMs ?? null]);
  await replaceDiagnostics(client, path, outcome.diagnostics);
  if (claim !== undefined && claim.owner !== path && claim.ownerSeen) {
    // The owner this run had kept loses the id to a path that sorts first: rejected as the embedded run
    // would have rejected it (an unchanged source reports only the duplicate; a parsed one keeps its diagnostics).
    const dup = fileDiagnostic('duplicate-id', duplicateMessage(record.id, path));
    await client.query(`UPDATE sources SET status = 'rejected', config_sha256 = $2 WHERE path = $1`, [claim.owner, ctx.configSha256]);
    if (claim.ownerStatus === 'unchanged') await replaceDiagnostics(client, claim.owner, [dup]);
    else await appendDiagnostic(client, claim.owner, dup);
    // Sources this run already rejected as duplicates of the old owner now name the new one, as the
    // embedded run (which meets the first path first) names it.
    await client.query(
      `UPDATE diagnostics d SET message = $3 FROM sources s
       WHERE s.leader_id = $1 AND s.status = 'rejected' AND s.last_seen_run = $4 AND d.source_path = s.path AND d.rule = 'duplicate-id' AND d.message = $2`,
      [record.id, duplicateMessage(record.id, claim.owner), duplicateMessage(record.id, path), ctx.run],
    );
  }
  // What this source produced before, and the id's old rows (its children go by cascade).
  await client.query('DELETE FROM leaders WHERE source_path = $1 OR id = $2', [path, record.id]);
  await insertLeaderRows(client, record, formatRecordLine(record), ctx.run);
  return 'written';
}

async function appendDiagnostic(client: PgClient, path: string, d: Diagnostic): Promise<void> {
  await client.query(`INSERT INTO diagnostics (source_path, severity, rule, message, line, "column", end_line, end_column, field) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [path, d.severity, d.rule, d.message, d.line, d.column, d.endLine, d.endColumn, d.path ?? null]);
}
