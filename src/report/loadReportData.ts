// Read what the run report shows from leaders.db alone (opened read-only by the caller): the latest
// run, its sources and their located diagnostics, the stored records' field coverage, theme splits and
// dimension scores, and the slowest parses.

import type { LeaderDatabase } from '../sinks/openDatabase.js';
import { recordKeys } from '../schema/recordShape.js';
import type { ReportData, ReportDiagnostic, ReportRunInfo, SourceOutcome } from './ReportData.js';

const outcomeOrder: readonly string[] = ['written', 'unchanged', 'rejected', 'skipped', 'missing'];
/** Record fields every record has by construction; coverage is about the others. */
const alwaysPresent = new Set(['id', 'name', 'source']);
const worstFileCount = 12;
const slowestCount = 15;
/** How the themes-inferred message states its confidence (see extractThemes). */
const confidencePattern = /\bconfidence (\d+(?:\.\d+)?)/;

interface SourceRow {
  path: string;
  format: string | null;
  status: string;
  leaderId: string | null;
  /** The stored leader's name, when this source's record is stored. */
  name: string | null;
  bytes: number | null;
  lastSeenRun: number;
  parseMs?: number | null;
}

interface DiagnosticRow {
  sourcePath: string;
  severity: string;
  rule: string;
  message: string;
  line: number;
  column: number;
  field: string | null;
}

export function loadReportData(db: LeaderDatabase, now: Date = new Date()): ReportData {
  const run = latestRun(db);
  const hasParseMs = columnsOf(db, 'sources').has('parse_ms');
  const sources = db
    .prepare(
      `SELECT s.path, s.format, s.status, s.leader_id AS leaderId, l.name, s.bytes, s.last_seen_run AS lastSeenRun${hasParseMs ? ', s.parse_ms AS parseMs' : ''}
       FROM sources s LEFT JOIN leaders l ON l.id = s.leader_id AND l.source_path = s.path ORDER BY s.path`,
    )
    // Read a row at a time by the loop below, not held whole.
    .iterate() as IterableIterator<SourceRow>;
  const diagnostics = new Map<string, DiagnosticRow[]>();
  for (const d of db
    .prepare(`SELECT source_path AS sourcePath, severity, rule, message, line, "column", field FROM diagnostics ORDER BY source_path, line, "column", id`)
    .iterate() as IterableIterator<DiagnosticRow>) {
    const list = diagnostics.get(d.sourcePath);
    if (list === undefined) diagnostics.set(d.sourcePath, [d]);
    else list.push(d);
  }

  const outcomeOf = (s: SourceRow): SourceOutcome => {
    if (run !== null && s.lastSeenRun < run.id) return 'missing';
    if (s.status === 'rejected' && (diagnostics.get(s.path) ?? []).some((d) => d.rule === 'duplicate-id')) return 'skipped';
    return s.status;
  };

  const seenOutcomes = new Set<string>();
  const byFormat = new Map<string, Record<string, number>>();
  // files: how many files carry the rule, counted once per file (each file's diagnostics come together).
  const rules = new Map<string, { rule: string; errors: number; warnings: number; files: number; lastFile: string | null }>();
  const ruleEntry = (rule: string, file: string) => {
    let entry = rules.get(rule);
    if (entry === undefined) rules.set(rule, (entry = { rule, errors: 0, warnings: 0, files: 0, lastFile: null }));
    if (entry.lastFile !== file) {
      entry.files++;
      entry.lastFile = file;
    }
    return entry;
  };
  // Only the first few of these are shown: kept as they come, not sorted whole.
  const worstFiles = new TopList<ReportData['worstFiles'][number]>(worstFileCount, (a, b) => b.errors - a.errors || b.warnings - a.warnings || compare(a.path, b.path));
  const problems: ReportData['problems'] = [];
  const timed = new TopList<NonNullable<ReportData['slowest']>[number]>(slowestCount, (a, b) => b.ms - a.ms || compare(a.path, b.path));
  for (const source of sources) {
    const outcome = outcomeOf(source);
    seenOutcomes.add(outcome);
    const format = source.format ?? 'unknown';
    const counts = byFormat.get(format) ?? {};
    counts[outcome] = (counts[outcome] ?? 0) + 1;
    byFormat.set(format, counts);
    if (outcome === 'missing') continue;
    if (source.parseMs !== undefined && source.parseMs !== null) {
      timed.add({ path: source.path, format: source.format, outcome, bytes: source.bytes, ms: source.parseMs });
    }
    const list = diagnostics.get(source.path) ?? [];
    let errors = 0;
    let warnings = 0;
    for (const d of list) {
      const entry = ruleEntry(d.rule, source.path);
      if (d.severity === 'error') {
        entry.errors++;
        errors++;
      } else {
        entry.warnings++;
        warnings++;
      }
    }
    if (errors + warnings > 0) worstFiles.add({ path: source.path, outcome, errors, warnings });
    if (list.length > 0 || outcome === 'rejected' || outcome === 'skipped') {
      problems.push({
        path: source.path,
        outcome,
        format: source.format,
        id: source.leaderId,
        name: source.name,
        diagnostics: list.map((d): ReportDiagnostic => [d.severity, d.rule, d.line, d.column, d.message, d.field]),
      });
    }
  }
  // Inputs the run's folder walk skipped are not sources: each counts as skipped, with its one diagnostic.
  for (const input of skippedInputs(db, run)) {
    seenOutcomes.add('skipped');
    const counts = byFormat.get('unknown') ?? {};
    counts['skipped'] = (counts['skipped'] ?? 0) + 1;
    byFormat.set('unknown', counts);
    ruleEntry(input.rule, input.path)[input.severity === 'error' ? 'errors' : 'warnings']++;
    const error = input.severity === 'error' ? 1 : 0;
    worstFiles.add({ path: input.path, outcome: 'skipped', errors: error, warnings: 1 - error });
    problems.push({ path: input.path, outcome: 'skipped', format: null, id: null, name: null, diagnostics: [[input.severity, input.rule, null, null, input.message, null]] });
  }
  problems.sort((a, b) => compare(a.path, b.path));

  return {
    version: 1,
    generatedAt: now.toISOString(),
    run,
    outcomes: [...outcomeOrder.filter((o) => o !== 'missing' || seenOutcomes.has(o)), ...[...seenOutcomes].filter((o) => !outcomeOrder.includes(o)).sort()],
    byFormat: [...byFormat].map(([format, counts]) => ({ format, counts })).sort((a, b) => compare(a.format, b.format)),
    rules: [...rules.values()]
      .map(({ lastFile: _lastFile, ...r }) => r)
      .sort((a, b) => b.errors + b.warnings - (a.errors + a.warnings) || compare(a.rule, b.rule)),
    worstFiles: worstFiles.items,
    ...leaderStats(db, diagnostics),
    slowest: hasParseMs ? timed.items : null,
    problems,
  };
}

function latestRun(db: LeaderDatabase): ReportRunInfo | null {
  // The latest finished run; an unfinished one only when none finished (a report taken mid-run).
  const row = db
    .prepare(`SELECT * FROM runs ORDER BY finished_at IS NULL, id DESC LIMIT 1`)
    .get() as ({ id: number; started_at: string; finished_at: string | null; parser_version: string } & Record<string, unknown>) | undefined;
  if (row === undefined) return null;
  const counts: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(row)) {
    if (['id', 'started_at', 'finished_at', 'parser_version', 'options'].includes(key)) continue;
    if (typeof value === 'number' || value === null) counts[key] = value;
  }
  return { id: row.id, startedAt: row.started_at, finishedAt: row.finished_at, parserVersion: row.parser_version, counts };
}

/** Where leaderStats' result is kept between runs; triggers of migration 8 drop it when leaders, dimensions or diagnostics change. */
const leaderStatsMeta = 'report_leader_stats';

type LeaderStats = Pick<ReportData, 'coverage' | 'themes' | 'dimensions'>;

/**
 * The figures over every stored record (recordStats, which reads each record, and dimensionStats),
 * kept in meta until a leader, a dimension or a diagnostic changes: an unchanged re-run reuses them.
 * Stored only through a writable connection (the ingest's own).
 */
function leaderStats(db: LeaderDatabase, diagnostics: Map<string, DiagnosticRow[]>): LeaderStats {
  const fields = recordKeys.filter((k) => !alwaysPresent.has(k));
  const kept = tableExists(db, 'meta') ? (db.prepare(`SELECT value FROM meta WHERE key = ?`).pluck().get(leaderStatsMeta) as string | undefined) : undefined;
  if (kept !== undefined) {
    const parsed = JSON.parse(kept) as { fields: string[] } & Partial<LeaderStats>;
    // A build with other record fields (or an older kept shape) counts them afresh.
    if (parsed.fields.join() === fields.join() && parsed.coverage !== undefined && parsed.themes !== undefined && parsed.dimensions !== undefined) {
      return { coverage: parsed.coverage, themes: parsed.themes, dimensions: parsed.dimensions };
    }
  }
  const stats = { ...recordStats(db, diagnostics), dimensions: dimensionStats(db) };
  if (!db.readonly && tableExists(db, 'export_stamps')) {
    db.prepare(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(leaderStatsMeta, JSON.stringify({ fields, ...stats }));
  }
  return stats;
}

function recordStats(db: LeaderDatabase, diagnostics: Map<string, DiagnosticRow[]>): Pick<ReportData, 'coverage' | 'themes'> {
  const fields = recordKeys.filter((k) => !alwaysPresent.has(k));
  const present = new Map<string, number>(fields.map((f) => [f, 0]));
  const themes: ReportData['themes'] = { separated: 0, inferred: 0, none: 0, confidence: new Array<number>(10).fill(0) };
  let records = 0;
  for (const row of db.prepare(`SELECT record, source_path AS sourcePath FROM leaders`).iterate() as IterableIterator<{ record: string; sourcePath: string }>) {
    const record = JSON.parse(row.record) as Record<string, unknown>;
    records++;
    for (const field of fields) {
      const value = record[field];
      if (value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0)) present.set(field, (present.get(field) ?? 0) + 1);
    }
    const inferred = (diagnostics.get(row.sourcePath) ?? []).find((d) => d.rule === 'themes-inferred');
    if (!Array.isArray(record['themes']) || record['themes'].length === 0) themes.none++;
    else if (inferred === undefined) themes.separated++;
    else {
      themes.inferred++;
      const confidence = Number(confidencePattern.exec(inferred.message)?.[1] ?? Number.NaN);
      if (Number.isFinite(confidence)) {
        const bin = Math.min(9, Math.max(0, Math.floor(confidence * 10)));
        themes.confidence[bin] = (themes.confidence[bin] ?? 0) + 1;
      }
    }
  }
  return { coverage: { records, fields: fields.map((field) => ({ field, count: present.get(field) ?? 0 })) }, themes };
}

/**
 * Per dimension key: its most used name, how many scores, their mean, median and histogram. Read as
 * counts per (key, score) and per (key, name), which SQLite groups over its index, not row by row.
 */
function dimensionStats(db: LeaderDatabase): ReportData['dimensions'] {
  const byKey = new Map<string, { names: Map<string, number>; positions: number; scores: { score: number; n: number }[] }>();
  const entryOf = (key: string) => {
    let entry = byKey.get(key);
    if (entry === undefined) byKey.set(key, (entry = { names: new Map<string, number>(), positions: 0, scores: [] }));
    return entry;
  };
  for (const row of db.prepare(`SELECT key, score, count(*) AS n FROM dimensions GROUP BY key, score ORDER BY key, score`).all() as { key: string; score: number; n: number }[]) {
    entryOf(row.key).scores.push({ score: row.score, n: row.n });
  }
  // NOT INDEXED: one scan of the table beats walking the (key, score) index with a row lookup each.
  for (const row of db.prepare(`SELECT key, name, count(*) AS n, sum(position) AS positions FROM dimensions NOT INDEXED GROUP BY key, name`).all() as {
    key: string;
    name: string;
    n: number;
    positions: number;
  }[]) {
    const entry = entryOf(row.key);
    entry.names.set(row.name, row.n);
    entry.positions += row.positions;
  }
  return [...byKey]
    .map(([key, { names, positions, scores }]) => {
      const bins = new Array<number>(10).fill(0);
      let count = 0;
      let sum = 0;
      for (const { score, n } of scores) {
        const bin = Math.min(9, Math.floor(score / 10));
        bins[bin] = (bins[bin] ?? 0) + n;
        count += n;
        sum += score * n;
      }
      // The score at a 0-based index of the sorted scores.
      const at = (index: number): number => {
        let seen = 0;
        for (const { score, n } of scores) {
          seen += n;
          if (index < seen) return score;
        }
        return 0;
      };
      const name = [...names].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))[0]?.[0] ?? key;
      const mean = sum / count;
      const mid = count >> 1;
      const median = count % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
      return { key, name, count, mean: Math.round(mean * 10) / 10, median, bins, order: positions / count };
    })
    .sort((a, b) => a.order - b.order || compare(a.key, b.key))
    .map(({ order: _order, ...d }) => d);
}

function skippedInputs(db: LeaderDatabase, run: ReportRunInfo | null): { path: string; rule: string; severity: string; message: string }[] {
  if (run === null || !tableExists(db, 'skipped_inputs')) return [];
  return db.prepare(`SELECT path, rule, severity, message FROM skipped_inputs WHERE run = ? ORDER BY path`).all(run.id) as {
    path: string;
    rule: string;
    severity: string;
    message: string;
  }[];
}

function tableExists(db: LeaderDatabase, name: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}

function columnsOf(db: LeaderDatabase, table: string): Set<string> {
  return new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name));
}

/** The first `size` items by `order` of all added, as sort + slice would give them (the sort is stable). */
class TopList<T> {
  readonly items: T[] = [];

  constructor(
    private readonly size: number,
    private readonly order: (a: T, b: T) => number,
  ) {}

  add(item: T): void {
    const { items, size, order } = this;
    if (items.length === size && order(item, items[size - 1]!) >= 0) return;
    // After every kept item that does not come later (ties keep their arrival order).
    let at = items.length;
    while (at > 0 && order(item, items[at - 1]!) < 0) at--;
    items.splice(at, 0, item);
    if (items.length > size) items.pop();
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
