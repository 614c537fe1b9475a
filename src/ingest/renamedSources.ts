// Stable identity across renames: a source new to the database whose bytes (sha256) equal those of a
// source that is gone from this run's inputs is the same page moved. Its leader keeps its id and
// moves to the new path (the old source row goes), instead of a second leader appearing next to the
// old one. Only a gone source that still backs a leader counts, and each is adopted once.

import type { LeaderProfile } from '../schema/LeaderProfile.js';
import type { LeaderDatabase } from '../sinks/openDatabase.js';

export interface MovedSource {
  /** The path the page had before. */
  fromPath: string;
  /** The record with the leader's stored id. */
  record: LeaderProfile;
}

export interface ParsedPage {
  path: string;
  sha256: string;
  record: LeaderProfile;
}

export class RenameTracker {
  private readonly gone = new Map<string, { path: string; leaderId: string }[]>();
  private readonly newPaths: Set<string>;
  private readonly adopted = new Map<string, { path: string; leaderId: string }>();

  private constructor(db: LeaderDatabase, discovered: ReadonlySet<string>) {
    const known = db.prepare(`SELECT s.path, s.sha256, l.id AS leaderId FROM sources s LEFT JOIN leaders l ON l.source_path = s.path`).all() as {
      path: string;
      sha256: string | null;
      leaderId: string | null;
    }[];
    const knownPaths = new Set(known.map((k) => k.path));
    this.newPaths = new Set([...discovered].filter((p) => !knownPaths.has(p)));
    for (const k of known) {
      if (discovered.has(k.path) || k.sha256 === null || k.leaderId === null) continue;
      const list = this.gone.get(k.sha256) ?? [];
      list.push({ path: k.path, leaderId: k.leaderId });
      this.gone.set(k.sha256, list);
    }
  }

  /** A tracker, or null when this run has no new paths or nothing gone (the usual case: no cost). */
  static open(db: LeaderDatabase, discovered: readonly string[]): RenameTracker | null {
    const tracker = new RenameTracker(db, new Set(discovered));
    return tracker.newPaths.size > 0 && tracker.gone.size > 0 ? tracker : null;
  }

  /** The move this parsed page completes, or null. Each gone source is adopted by one new path. */
  adopt(page: ParsedPage): MovedSource | null {
    if (!this.newPaths.has(page.path)) return null;
    // Asked again for the same page, the same move.
    let from = this.adopted.get(page.path);
    if (from === undefined) {
      const list = this.gone.get(page.sha256);
      from = list?.shift();
      if (from === undefined) return null;
      if (list !== undefined && list.length === 0) this.gone.delete(page.sha256);
      this.adopted.set(page.path, from);
    }
    return { fromPath: from.path, record: from.leaderId === page.record.id ? page.record : { ...page.record, id: from.leaderId } };
  }
}

/**
 * RenameTracker.open, done only once the run meets a path the database does not know: a run whose paths
 * are all known has no moves, and an unchanged re-run never loads every source row for them.
 */
export class LazyRenames {
  #tracker: RenameTracker | null | undefined;

  constructor(
    private readonly db: LeaderDatabase,
    private readonly discovered: readonly string[],
  ) {}

  /** The run met a path new to the database. Call before anything writes. */
  open(): void {
    if (this.#tracker === undefined) this.#tracker = RenameTracker.open(this.db, this.discovered);
  }

  adopt(page: ParsedPage): MovedSource | null {
    return this.#tracker?.adopt(page) ?? null;
  }
}
