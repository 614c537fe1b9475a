// Connect to the PostgreSQL sink and bring its schema up to date: forward migrations in one transaction,
// under an advisory lock, so workers starting together migrate once.

import pg from 'pg';
import { pgMigrations } from './pgMigrations.js';

export type PgPool = pg.Pool;
export type PgClient = pg.PoolClient;

/** Advisory lock keys (pg_advisory_lock's bigint space); leader ids use hashtextextended(id, 0). */
export const lockKeys = { migrate: 7_163_301, producer: 7_163_302 } as const;

export class PgSchemaTooNewError extends Error {}

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<PgPool> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 4 });
  // An idle client losing its server would otherwise crash the process.
  pool.on('error', () => {});
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return pool;
}

export async function migratePostgres(pool: PgPool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [lockKeys.migrate]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version');
    let version = rows[0]?.version ?? 0;
    if (rows.length === 0) await client.query('INSERT INTO schema_version (version) VALUES (0)');
    if (version > pgMigrations.length) {
      throw new PgSchemaTooNewError(`sink schema version ${version} is newer than this leaderpages knows (${pgMigrations.length}).`);
    }
    for (; version < pgMigrations.length; version++) {
      await client.query(pgMigrations[version] ?? '');
      await client.query('UPDATE schema_version SET version = $1', [version + 1]);
    }
    await client.query('COMMIT');
    return version;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
