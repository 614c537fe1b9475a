// Which exports are known to hold what the database says, told from a stat instead of a read. A stamp is
// a file's size, inode and change time (ctime: every write, rename, chmod or utimes sets it to now, and
// no user can set it back), recorded when leaderpages wrote the file or compared it whole. A file whose
// stat still equals its stamp has not been touched since. As with git's "racy" index entries, a stamp
// is trusted only when its ctime is older than the reference recorded at the end of a run: a change in
// the same clock tick as the write keeps the ctime, so a newer stamp is compared whole next time.
// A change to a leader row drops the stamps of the files that show it (triggers of migration 8).

import { statSync, type BigIntStats } from 'node:fs';
import type { LeaderDatabase } from './openDatabase.js';

export interface FileStamp {
  size: number;
  ino: string;
  ctimeNs: string;
}

const referenceMeta = 'exports_reference_ctime_ns';

/** The stamp of `file` as it is now, or null when there is no such file. */
export function statStamp(file: string): FileStamp | null {
  const stats: BigIntStats | undefined = statSync(file, { bigint: true, throwIfNoEntry: false });
  if (stats === undefined || !stats.isFile()) return null;
  return { size: Number(stats.size), ino: String(stats.ino), ctimeNs: String(stats.ctimeNs) };
}

/** Is `current` the same file, untouched, as when `recorded` was taken? */
export function sameStamp(recorded: FileStamp | undefined, current: FileStamp | null): boolean {
  return recorded !== undefined && current !== null && recorded.size === current.size && recorded.ino === current.ino && recorded.ctimeNs === current.ctimeNs;
}

/** The file system's clock now, as the change time of `file` (which the caller has just written). */
export function fileClockNs(file: string): string {
  return String(statSync(file, { bigint: true }).ctimeNs);
}

export class ExportStamps {
  private readonly statements;

  constructor(private readonly db: LeaderDatabase) {
    this.statements = {
      all: db.prepare(`SELECT file, size, ino, ctime_ns AS ctimeNs FROM export_stamps`),
      upsert: db.prepare(`INSERT INTO export_stamps (file, size, ino, ctime_ns) VALUES (?, ?, ?, ?)
        ON CONFLICT(file) DO UPDATE SET size = excluded.size, ino = excluded.ino, ctime_ns = excluded.ctime_ns`),
      remove: db.prepare(`DELETE FROM export_stamps WHERE file = ?`),
      getMeta: db.prepare(`SELECT value FROM meta WHERE key = ?`).pluck(),
      setMeta: db.prepare(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`),
    };
  }

  /** Every stamp, by file (relative to the output folder, forward slashes). */
  all(): Map<string, FileStamp> {
    const stamps = new Map<string, FileStamp>();
    for (const row of this.statements.all.iterate() as IterableIterator<FileStamp & { file: string }>) {
      stamps.set(row.file, { size: row.size, ino: row.ino, ctimeNs: row.ctimeNs });
    }
    return stamps;
  }

  /** Record `file` (relative name) as it is on disk at `path` now, or as `stamp` taken before it was compared. */
  record(file: string, path: string, stamp: FileStamp | null = statStamp(path)): void {
    if (stamp === null) this.statements.remove.run(file);
    else this.statements.upsert.run(file, stamp.size, stamp.ino, stamp.ctimeNs);
  }

  /** record() for many files, in one transaction. */
  recordAll(files: readonly { file: string; path: string; stamp?: FileStamp }[]): void {
    if (files.length === 0) return;
    this.db.transaction(() => {
      for (const f of files) this.record(f.file, f.path, f.stamp);
    })();
  }

  /**
   * A predicate for this run: is a file whose stamp was `recorded` and whose stat is `current` untouched
   * since? Stamps as new as the reference are not trusted (see the file's head): by default the one the
   * last run recorded; a run checking the files it wrote itself passes the clock after its last write.
   */
  trust(reference = this.statements.getMeta.get(referenceMeta) as string | undefined): (recorded: FileStamp | undefined, current: FileStamp | null) => boolean {
    if (reference === undefined) return () => false;
    const before = BigInt(reference);
    return (recorded, current) => sameStamp(recorded, current) && BigInt(recorded!.ctimeNs) < before;
  }

  /** At the end of a run, after its last export was written: `clockNs` from fileClockNs of a file written last. */
  setReference(clockNs: string): void {
    this.statements.setMeta.run(referenceMeta, clockNs);
  }
}
