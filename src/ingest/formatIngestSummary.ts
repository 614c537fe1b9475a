// The one line an ingest prints when it ends: what happened to the sources, how fast, and where to look.

import type { RunCounts } from '../sinks/LeaderStore.js';
import { describeDrift, type ExportDrift } from '../sinks/checkExports.js';

export interface SummaryExtras {
  /** Exports found out of step with the database and rewritten. */
  healed?: readonly ExportDrift[];
  /** Entries the walk left out. */
  skipped?: number;
  /** The signal that stopped the run early. */
  interrupted?: string | null;
  /** Sources found, when the run stopped before reaching all of them. */
  sourcesTotal?: number;
}

export function formatIngestSummary(counts: RunCounts, elapsedMs: number, outDir: string, extras: SummaryExtras = {}): string {
  const rate = elapsedMs > 0 ? Math.round((counts.sources * 1000) / elapsedMs) : counts.sources;
  const parts = [`${counts.written} written`, `${counts.unchanged} unchanged`, `${counts.rejected} rejected`, `${counts.missing} missing`];
  if (counts.pruned > 0) parts.push(`${counts.pruned} pruned`);
  if ((extras.skipped ?? 0) > 0) parts.push(`${extras.skipped} skipped (see report.json)`);
  let line = `ingest: ${counts.sources} sources: ${parts.join(', ')} in ${(elapsedMs / 1000).toFixed(1)}s (${rate} docs/s) → ${outDir}`;
  const healed = extras.healed ?? [];
  if (healed.length > 0) line += `\ningest: ${healed.length} export${healed.length === 1 ? '' : 's'} did not match leaders.db and were repaired: ${describeDrift(healed)}`;
  if (extras.interrupted != null) {
    const of = extras.sourcesTotal !== undefined ? ` of ${extras.sourcesTotal}` : '';
    line += `\ningest: interrupted by ${extras.interrupted} after ${counts.sources}${of} sources; the output is consistent, run again to finish.`;
  }
  return line;
}
