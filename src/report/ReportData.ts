// What the run report page shows, as plain data: computed from leaders.db by loadReportData and
// embedded in report.html as JSON. Every string in it may come from a scraped page: hostile.

/**
 * How a source ended in the run: its stored status; `skipped` (a duplicate id, or an input the folder
 * walk left out); or `missing` (in the database, not seen in the run).
 */
export type SourceOutcome = 'written' | 'unchanged' | 'rejected' | 'skipped' | 'missing' | (string & {});

export interface ReportRunInfo {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  parserVersion: string;
  counts: Record<string, number | null>;
}

/** One diagnostic: [severity, rule, line, column, message, field or null]; no line for a skipped input. */
export type ReportDiagnostic = [severity: string, rule: string, line: number | null, column: number | null, message: string, field: string | null];

export interface ReportProblemSource {
  path: string;
  outcome: SourceOutcome;
  format: string | null;
  id: string | null;
  /** Name of the stored leader this source produced, if any. */
  name: string | null;
  diagnostics: ReportDiagnostic[];
}

export interface ReportData {
  /** Bumped when this shape changes. */
  version: 1;
  generatedAt: string;
  run: ReportRunInfo | null;
  /** Outcome names in display order, and per format how many sources had each. */
  outcomes: SourceOutcome[];
  byFormat: { format: string; counts: Record<string, number> }[];
  rules: { rule: string; errors: number; warnings: number; files: number }[];
  worstFiles: { path: string; outcome: SourceOutcome; errors: number; warnings: number }[];
  coverage: { records: number; fields: { field: string; count: number }[] };
  themes: {
    /** Records whose themes were listed with separators, split by inference, or absent. */
    separated: number;
    inferred: number;
    none: number;
    /** Inferred splits by confidence: bins [0, 0.1), [0.1, 0.2) … [0.9, 1.0]. */
    confidence: number[];
  };
  dimensions: { key: string; name: string; count: number; mean: number; median: number; bins: number[] }[];
  /** Slowest parses (stored parse time of each source's last parse), or null when the database has none. */
  slowest: { path: string; format: string | null; outcome: SourceOutcome; bytes: number | null; ms: number }[] | null;
  /** Every source of the run that was rejected, skipped, or has any diagnostic. */
  problems: ReportProblemSource[];
}
