// Open leaders.db for an ingest, first making sure it is sound: a file SQLite cannot read (not a
// database, corrupt pages, a failed PRAGMA quick_check) is moved aside with its -wal/-shm as
// leaders.db.corrupt-<time> and a fresh database is created, which the run rebuilds from the sources.

import { existsSync, renameSync } from 'node:fs';
import Database from 'better-sqlite3';
import { openDatabase, SchemaTooNewError, type LeaderDatabase } from './openDatabase.js';

export interface CheckedDatabase {
  db: LeaderDatabase;
  /** Where a damaged database was moved, and why; null when it was sound (or new). */
  damaged: { movedTo: string; reason: string } | null;
}

const damageCodes = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_INDEX']);

/** Is this error SQLite saying the file is not a (sound) database? */
export function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (damageCodes.has(code) || code.startsWith('SQLITE_CORRUPT'));
}

/** null when `file` is a sound database (or absent), else what is wrong with it. */
export function findDamage(file: string, options: { readonly?: boolean } = {}): string | null {
  if (!existsSync(file)) return null;
  let db: LeaderDatabase | undefined;
  try {
    db = new Database(file, { fileMustExist: true, readonly: options.readonly ?? false });
    const result = db.pragma('quick_check', { simple: true });
    return result === 'ok' ? null : `quick_check: ${oneLine(String(result))}`;
  } catch (error) {
    if (isDamageError(error)) return (error as Error).message;
    throw error;
  } finally {
    db?.close();
  }
}

/** quick_check lists problems on many lines; the message is one line. */
function oneLine(text: string): string {
  const flat = text.replace(/\*\*\* in database main \*\*\*\s*/g, '').replace(/\s*\n\s*/g, '; ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
}

function timestamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

/** Move `file` and its WAL files aside; returns the new name of the main file. */
export function moveAside(file: string): string {
  const target = `${file}.corrupt-${timestamp()}`;
  renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}

export function openCheckedDatabase(file: string): CheckedDatabase {
  const reason = findDamage(file);
  if (reason === null) {
    try {
      return { db: openDatabase(file), damaged: null };
    } catch (error) {
      // Damage quick_check cannot see (e.g. in the schema a migration reads) shows up here.
      if (!isDamageError(error) || error instanceof SchemaTooNewError) throw error;
      const movedTo = moveAside(file);
      return { db: openDatabase(file), damaged: { movedTo, reason: (error as Error).message } };
    }
  }
  const movedTo = moveAside(file);
  return { db: openDatabase(file), damaged: { movedTo, reason } };
}
