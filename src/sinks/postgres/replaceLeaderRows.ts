// A leader's rows in the PostgreSQL sink: the leaders row (with its tsvector) and its child tables,
// each filled with one statement from arrays, as the SQLite sink's replaceLeader fills its tables.

import type { LeaderProfile } from '../../schema/LeaderProfile.js';
import type { PgClient } from './openPostgres.js';

const insertLeader = `
  INSERT INTO leaders (id, name, role_text, role_title, role_organization, bio, appearances, summary,
    source_path, source_sha256, parser_version, record_version, record, updated_run, search)
  VALUES ($1, $2::text, $3::text, $4, $5, $6::text, $7, $8::text, $9, $10, $11, $12, $13, $14,
    setweight(to_tsvector('simple', $2::text), 'A') || setweight(to_tsvector('simple', coalesce($3::text, '')), 'B')
      || to_tsvector('simple', concat_ws(E'\\n', $6::text, $8::text, $15::text, $16::text, $17::text)))`;

const insertList = (table: string, column: string): string => `
  INSERT INTO ${table} (leader_id, position, ${column})
  SELECT $1, u.ord - 1, u.v FROM unnest($2::text[]) WITH ORDINALITY AS u(v, ord)`;

const insertDimensions = `
  INSERT INTO dimensions (leader_id, position, key, name, score)
  SELECT $1, u.ord - 1, u.key, u.name, u.score FROM unnest($2::text[], $3::text[], $4::int[]) WITH ORDINALITY AS u(key, name, score, ord)`;

const insertQuotes = `
  INSERT INTO quotes (leader_id, position, text, context)
  SELECT $1, u.ord - 1, u.text, u.context FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS u(text, context, ord)`;

/** Replace the leader `record.id` (children go by cascade) with this record; `line` is its NDJSON line. */
export async function replaceLeaderRows(client: PgClient, record: LeaderProfile, line: string, run: number): Promise<void> {
  await client.query('DELETE FROM leaders WHERE id = $1', [record.id]);
  await client.query(insertLeader, [
    record.id, record.name, record.role?.text ?? null, record.role?.title ?? null, record.role?.organization ?? null,
    record.bio, record.appearances, record.summary, record.source.path, record.source.sha256, record.source.parserVersion,
    record.source.recordVersion, line, run,
    record.themes.join('\n'), record.principles.join('\n'),
    record.quotes.map((q) => (q.context === null ? q.text : `${q.text}\n${q.context}`)).join('\n'),
  ]);
  const lists: [string, string, readonly string[]][] = [['archetypes', 'name', record.archetypes], ['themes', 'text', record.themes], ['principles', 'text', record.principles]];
  for (const [table, column, values] of lists) {
    if (values.length > 0) await client.query(insertList(table, column), [record.id, values]);
  }
  if (record.dimensions.length > 0) {
    await client.query(insertDimensions, [record.id, record.dimensions.map((d) => d.key), record.dimensions.map((d) => d.name), record.dimensions.map((d) => d.score)]);
  }
  if (record.quotes.length > 0) {
    await client.query(insertQuotes, [record.id, record.quotes.map((q) => q.text), record.quotes.map((q) => q.context)]);
  }
}
