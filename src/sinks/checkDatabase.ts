// Open leaders.db for an ingest, first making sure it is sound: a file SQLite cannot read (not a
// database, corrupt pages, a failed PRAGMA quick_check) is moved aside with its -wal/-shm as
// leaders.db.corrupt-<time> and a fresh database is created, which the run rebuilds from the sources.
// quick_check reads every page (half a second at 20,000 leaders), so a database an ingest closed
// cleanly carries a mark beside it, .leaders.db.sound, holding its stamp (size, inode, change time):
// while the file still matches it, nothing has written it since, and it is not checked again.
// `verify` always checks.

import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { sameStamp, statStamp, type FileStamp } from './exportStamps.js';
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

function soundMarkOf(file: string): string {
  return join(dirname(file), `.${basename(file)}.sound`);
}

/** A write-ahead log with frames in it holds changes the main file's stamp does not see. (A read-only reader leaves an empty one.) */
function walHoldsChanges(file: string): boolean {
  return (statStamp(`${file}-wal`)?.size ?? 0) > 0;
}

/** After closing `file` at the end of a run: it is sound as it is now (see the file's head). */
export function markSound(file: string): void {
  const stamp = statStamp(file);
  if (stamp !== null && !walHoldsChanges(file)) writeFileSync(soundMarkOf(file), JSON.stringify(stamp) + '\n');
}

/** Is `file` as it was when a run marked it sound? The mark is used once: opening to write removes it. */
function takeSoundMark(file: string): boolean {
  const mark = soundMarkOf(file);
  let recorded: FileStamp | null = null;
  try {
    recorded = JSON.parse(readFileSync(mark, 'utf8')) as FileStamp;
    unlinkSync(mark);
  } catch {
    return false; // no mark (or not ours to read): check
  }
  return sameStamp(recorded, statStamp(file)) && !walHoldsChanges(file);
}

export function openCheckedDatabase(file: string): CheckedDatabase {
  const reason = takeSoundMark(file) ? null : findDamage(file);
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
