// What an ingest run found, for its closing lines on stderr: counts per severity and rule over every
// source the run saw (parsed now, or unchanged with their stored diagnostics), and the first few.

import type { LeaderDatabase } from '../sinks/openDatabase.js';
import type { Diagnostic } from '../diagnostics/Diagnostic.js';

export interface RuleCount {
  severity: Diagnostic['severity'];
  rule: string;
  count: number;
}

export interface RunDiagnostics {
  errors: number;
  warnings: number;
  /** Most frequent first, errors before warnings. */
  byRule: RuleCount[];
  /** The first `limit` diagnostics, errors first, then by path and line. */
  first: (Diagnostic & { source: string })[];
}

export function runDiagnostics(db: LeaderDatabase, limit: number): RunDiagnostics {
  const byRule = db
    .prepare(`SELECT d.severity, d.rule, count(*) AS count FROM diagnostics d JOIN sources s ON s.path = d.source_path
      WHERE s.last_seen_run = (SELECT max(id) FROM runs)
      GROUP BY d.severity, d.rule ORDER BY d.severity = 'warning', count DESC, d.rule`)
    .all() as RuleCount[];
  const first = db
    .prepare(`SELECT d.source_path AS source, d.severity, d.rule, d.message, d.line, d."column", d.end_line AS endLine, d.end_column AS endColumn
      FROM diagnostics d JOIN sources s ON s.path = d.source_path
      WHERE s.last_seen_run = (SELECT max(id) FROM runs)
      ORDER BY d.severity = 'warning', d.source_path, d.line, d."column" LIMIT ?`)
    .all(limit) as (Diagnostic & { source: string })[];
  const total = (severity: string) => byRule.filter((r) => r.severity === severity).reduce((n, r) => n + r.count, 0);
  return { errors: total('error'), warnings: total('warning'), byRule, first };
}

/** `2 errors (duplicate-id 2); 412 warnings (themes-inferred 300, unknown-section 112)`, or null when there are none. */
export function formatRuleCounts(summary: RunDiagnostics): string | null {
  const parts: string[] = [];
  for (const severity of ['error', 'warning'] as const) {
    const rows = summary.byRule.filter((r) => r.severity === severity);
    const total = severity === 'error' ? summary.errors : summary.warnings;
    if (total > 0) parts.push(`${total} ${severity}${total === 1 ? '' : 's'} (${rows.map((r) => `${r.rule} ${r.count}`).join(', ')})`);
  }
  return parts.length === 0 ? null : parts.join('; ');
}
