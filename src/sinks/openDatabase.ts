// Open (or create) leaders.db: WAL so readers can open it during an ingest, foreign keys on,
// and forward migrations up to the schema version this build knows.

import Database from 'better-sqlite3';
import { migrations } from './migrations.js';

export type LeaderDatabase = Database.Database;

export class SchemaTooNewError extends Error {}

export function openDatabase(file: string, options: { readonly?: boolean } = {}): LeaderDatabase {
  const db = new Database(file, { readonly: options.readonly ?? false });
  if (options.readonly) {
    db.pragma('foreign_keys = ON');
    return db;
  }
  db.pragma('journal_mode = WAL');
  // NORMAL is durable against process crashes (SIGKILL) in WAL mode; only power loss can drop the last commit.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

export function migrate(db: LeaderDatabase): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > migrations.length) {
    db.close();
    throw new SchemaTooNewError(`database schema version ${version} is newer than this leaderpages knows (${migrations.length}).`);
  }
  for (let next = version; next < migrations.length; next++) {
    db.transaction(() => {
      db.exec(migrations[next] ?? '');
      db.pragma(`user_version = ${next + 1}`);
    })();
  }
}
