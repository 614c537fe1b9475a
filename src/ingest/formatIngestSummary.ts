// The one line an ingest prints when it ends: what happened to the sources, how fast, and where to look.

import type { RunCounts } from '../sinks/LeaderStore.js';

export function formatIngestSummary(counts: RunCounts, elapsedMs: number, outDir: string): string {
  const rate = elapsedMs > 0 ? Math.round((counts.sources * 1000) / elapsedMs) : counts.sources;
  const parts = [`${counts.written} written`, `${counts.unchanged} unchanged`, `${counts.rejected} rejected`, `${counts.missing} missing`];
  if (counts.pruned > 0) parts.push(`${counts.pruned} pruned`);
  return `ingest: ${counts.sources} sources: ${parts.join(', ')} in ${(elapsedMs / 1000).toFixed(1)}s (${rate} docs/s) → ${outDir}`;
}
