// The report's missing (and pruned) list says exactly what went: a gone source names a leader only
// while that leader still belongs to it, so a leader that another source took over (a moved or
// copied page) is never listed as missing or pruned.

import type { LeaderDatabase } from '../sinks/openDatabase.js';
import type { ReportMissing } from './ReportWriter.js';

export function exactMissing(db: LeaderDatabase, gone: readonly { path: string }[], pruned: boolean): ReportMissing[] {
  const ownedBy = db.prepare(`SELECT id FROM leaders WHERE source_path = ? ORDER BY id LIMIT 1`).pluck();
  return gone.map((g) => ({ path: g.path, id: (ownedBy.get(g.path) as string | undefined) ?? null, pruned }));
}
