// A leader's rows in the PostgreSQL sink: the leaders row (with its tsvector), then every child table
// in one statement (writable CTEs over arrays), as the SQLite sink's replaceLeader fills its tables.
// The caller has deleted the id's old rows.

import type { LeaderProfile } from '../../schema/LeaderProfile.js';
import type { PgClient } from './openPostgres.js';
import { searchList, searchQuotes } from '../searchText.js';

const insertLeader = `
  INSERT INTO leaders (id, name, role_text, role_title, role_organization, bio, appearances, summary,
    source_path, source_sha256, parser_version, record_version, record, updated_run, themes, principles, quotes, search)
  VALUES ($1, $2::text, $3::text, $4, $5, $6::text, $7, $8::text, $9, $10, $11, $12, $13, $14, $15::text, $16::text, $17::text,
    setweight(to_tsvector('simple', $2::text), 'A') || setweight(to_tsvector('simple', coalesce($3::text, '')), 'B')
      || to_tsvector('simple', concat_ws(E'\\n', $6::text, $8::text, $15::text, $16::text, $17::text)))`;

// Foreign keys are checked at the end of the statement, after the leader row of the one before.
const insertChildren = `
  WITH archetypes_ AS (
    INSERT INTO archetypes (leader_id, position, name) SELECT $1, u.ord - 1, u.v FROM unnest($2::text[]) WITH ORDINALITY AS u(v, ord)
  ), themes_ AS (
    INSERT INTO themes (leader_id, position, text) SELECT $1, u.ord - 1, u.v FROM unnest($3::text[]) WITH ORDINALITY AS u(v, ord)
  ), principles_ AS (
    INSERT INTO principles (leader_id, position, text) SELECT $1, u.ord - 1, u.v FROM unnest($4::text[]) WITH ORDINALITY AS u(v, ord)
  ), dimensions_ AS (
    INSERT INTO dimensions (leader_id, position, key, name, score)
    SELECT $1, u.ord - 1, u.key, u.name, u.score FROM unnest($5::text[], $6::text[], $7::int[]) WITH ORDINALITY AS u(key, name, score, ord)
  )
  INSERT INTO quotes (leader_id, position, text, context)
  SELECT $1, u.ord - 1, u.text, u.context FROM unnest($8::text[], $9::text[]) WITH ORDINALITY AS u(text, context, ord)`;

/** Insert the leader `record.id` and its child rows; `line` is its NDJSON line (the `record` column). */
export async function insertLeaderRows(client: PgClient, record: LeaderProfile, line: string, run: number): Promise<void> {
  await client.query(insertLeader, [
    record.id, record.name, record.role?.text ?? null, record.role?.title ?? null, record.role?.organization ?? null,
    record.bio, record.appearances, record.summary, record.source.path, record.source.sha256, record.source.parserVersion,
    record.source.recordVersion, line, run,
    searchList(record.themes), searchList(record.principles), searchQuotes(record.quotes),
  ]);
  await client.query(insertChildren, [
    record.id, record.archetypes, record.themes, record.principles,
    record.dimensions.map((d) => d.key), record.dimensions.map((d) => d.name), record.dimensions.map((d) => d.score),
    record.quotes.map((q) => q.text), record.quotes.map((q) => q.context),
  ]);
}
