// The folder an output folder's source paths are relative to. The first ingest into a folder keys its
// sources relative to the folder it runs in, and records that folder in leaders.db (meta `source_base`,
// written relative to the output folder, so moving the project with its output keeps it true). Later
// runs use the recorded folder wherever they are started from: the same files keep the same keys, and
// nothing is re-parsed or re-keyed because the command ran from elsewhere. A source outside the folder
// is keyed by its absolute path.

import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { sourceBaseMeta } from '../sinks/LeaderStore.js';

/** The recorded key folder of the output folder `outDir`, or `cwd` when it has none (or no readable database). */
export function sourceKeyBase(cwd: string, outDir: string): string {
  const file = join(outDir, 'leaders.db');
  if (!existsSync(file)) return cwd;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const value: unknown = db.prepare(`SELECT value FROM meta WHERE key = ?`).pluck().get(sourceBaseMeta);
      return typeof value === 'string' ? resolve(outDir, value) : cwd;
    } finally {
      db.close();
    }
  } catch {
    // A damaged or foreign file: the run moves it aside (checkDatabase) and starts afresh from `cwd`.
    return cwd;
  }
}

/** How `keyBase` is recorded in the database of `outDir`. */
export function recordedSourceBase(outDir: string, keyBase: string): string {
  return relative(outDir, keyBase) || '.';
}
