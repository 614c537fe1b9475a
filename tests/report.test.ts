// The run report without a browser: the data loadReportData reads from a real ingest's leaders.db,
// checked against the database by independent SQL; the page's escaping and Content-Security-Policy;
// and the real `leaderpages report` command (help, exit codes, read-only database).

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReportData } from '../src/report/loadReportData.js';
import type { ReportData } from '../src/report/ReportData.js';
import { cspHash, jsonForScript, renderReportPage } from '../src/report/renderReportPage.js';
import { chartJsSource } from '../src/report/writeReportPage.js';
import { makeReportSite, runCli } from './reportSites.js';

let site: string;
let out: string;
let data: ReportData;
let db: Database.Database;

function embeddedData(html: string): ReportData {
  const match = /<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(html);
  expect(match, 'the data block').not.toBeNull();
  return JSON.parse(match?.[1] ?? 'null') as ReportData;
}

beforeAll(() => {
  site = makeReportSite(3);
  out = join(site, 'output');
  const ingest = runCli(site, 'ingest', 'raw', '--out', 'output', '--quiet');
  expect(ingest.status, ingest.stderr).toBe(1); // the empty, out-of-range and duplicate pages are rejected
  db = new Database(join(out, 'leaders.db'), { readonly: true });
  data = loadReportData(db);
}, 120_000);

afterAll(() => {
  db?.close();
  rmSync(site, { recursive: true, force: true });
});

describe('loadReportData, on a real ingest', () => {
  it('counts sources by outcome and format as the sources table has them', () => {
    const total = (outcome: string): number => data.byFormat.reduce((sum, f) => sum + (f.counts[outcome] ?? 0), 0);
    expect(data.outcomes.slice(0, 4)).toEqual(['written', 'unchanged', 'rejected', 'skipped']);
    expect(total('written')).toBe(15);
    expect(total('rejected')).toBe(2); // empty.txt, out-of-range.txt
    expect(total('skipped')).toBe(2); // the duplicate leader, and the link to nothing
    expect(data.run?.counts).toMatchObject({ sources: 18, written: 15, rejected: 3 });
    const walkSkipped = db.prepare(`SELECT count(*) FROM skipped_inputs`).pluck().get() as number;
    expect(walkSkipped).toBe(1);
    const formats = db.prepare(`SELECT coalesce(format, 'unknown') AS format, count(*) AS n FROM sources GROUP BY 1`).all() as { format: string; n: number }[];
    for (const { format, n } of formats) {
      const counts = data.byFormat.find((f) => f.format === format)?.counts ?? {};
      expect(Object.values(counts).reduce((a, b) => a + b, 0), format).toBe(n + (format === 'unknown' ? walkSkipped : 0));
    }
  });

  it('counts diagnostics by rule and severity as the diagnostics table has them, worst files first', () => {
    const rows = db.prepare(`SELECT rule, severity, count(*) AS n, count(DISTINCT source_path) AS files FROM diagnostics GROUP BY rule, severity`).all() as {
      rule: string;
      severity: string;
      n: number;
    }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const rule = data.rules.find((r) => r.rule === row.rule);
      expect(rule?.[row.severity === 'error' ? 'errors' : 'warnings'], row.rule).toBe(row.n);
    }
    // Files per rule: each source once, plus the inputs the walk skipped with that rule.
    const files = db.prepare(`SELECT rule, count(*) AS n FROM (SELECT DISTINCT rule, source_path FROM diagnostics UNION ALL SELECT DISTINCT rule, path FROM skipped_inputs) GROUP BY rule`).all() as { rule: string; n: number }[];
    expect(Object.fromEntries(data.rules.map((r) => [r.rule, r.files]))).toEqual(Object.fromEntries(files.map((f) => [f.rule, f.n])));
    expect(data.worstFiles[0]?.errors).toBeGreaterThan(0);
    for (let i = 1; i < data.worstFiles.length; i++) {
      const [a, b] = [data.worstFiles[i - 1], data.worstFiles[i]];
      expect((a?.errors ?? 0) > (b?.errors ?? 0) || ((a?.errors ?? 0) === (b?.errors ?? 0) && (a?.warnings ?? 0) >= (b?.warnings ?? 0))).toBe(true);
    }
  });

  it('lists every rejected, skipped or warned source with its located diagnostics', () => {
    const empty = data.problems.find((p) => p.path === 'raw/empty.txt');
    expect(empty).toMatchObject({ outcome: 'rejected', diagnostics: [['error', 'empty-input', 1, 1, expect.any(String), null]] });
    const range = data.problems.find((p) => p.path === 'raw/out-of-range.txt');
    expect(range?.diagnostics).toContainEqual(['error', 'percentage-out-of-range', 11, 18, expect.stringContaining('170'), 'dimensions[0].score']);
    const copy = data.problems.find((p) => p.path.startsWith('raw/zz-copies/'));
    expect(copy?.outcome).toBe('skipped');
    expect(copy?.diagnostics.map((d) => d[1])).toContain('duplicate-id');
    // The link the walk skipped: no sources row, no line, its rule and message.
    const dangling = data.problems.find((p) => p.path === 'raw/dangling.txt');
    expect(dangling).toMatchObject({ outcome: 'skipped', diagnostics: [['warning', 'dangling-link', null, null, expect.stringContaining('leads nowhere'), null]] });
    expect(data.rules.find((r) => r.rule === 'dangling-link')).toEqual({ rule: 'dangling-link', errors: 0, warnings: 1, files: 1 });
    const withDiagnostics = db.prepare(`SELECT count(DISTINCT source_path) FROM diagnostics`).pluck().get() as number;
    expect(data.problems.length).toBe(withDiagnostics + 1);
    const warned = data.problems.find((p) => p.outcome === 'written');
    expect(warned?.name, 'a written source carries its leader name').toEqual(expect.any(String));
  });

  it('measures field coverage, theme splits and dimension scores over the stored records', () => {
    const records = db.prepare(`SELECT count(*) FROM leaders`).pluck().get() as number;
    expect(data.coverage.records).toBe(records);
    const sqlCount = (where: string): number => db.prepare(`SELECT count(*) FROM leaders WHERE ${where}`).pluck().get() as number;
    const coverage = Object.fromEntries(data.coverage.fields.map((f) => [f.field, f.count]));
    expect(coverage['bio']).toBe(sqlCount('bio IS NOT NULL'));
    expect(coverage['appearances']).toBe(sqlCount('appearances IS NOT NULL'));
    expect(coverage['quotes']).toBe(sqlCount(`json_array_length(record, '$.quotes') > 0`));
    expect(coverage['archetypes']).toBe(sqlCount(`json_array_length(record, '$.archetypes') > 0`));
    expect(Object.keys(coverage)).not.toContain('id');

    const inferred = sqlCount(`EXISTS (SELECT 1 FROM diagnostics d WHERE d.source_path = leaders.source_path AND d.rule = 'themes-inferred')`);
    expect(inferred, 'seed-text and turndown-md pages run their themes together').toBeGreaterThan(0);
    expect(data.themes.inferred).toBe(inferred);
    expect(data.themes.separated + data.themes.inferred + data.themes.none).toBe(records);
    // Every inferred split's confidence was read from its diagnostic.
    expect(data.themes.confidence.reduce((a, b) => a + b, 0)).toBe(inferred);

    const dims = db.prepare(`SELECT key, count(*) AS n, avg(score) AS mean FROM dimensions GROUP BY key`).all() as { key: string; n: number; mean: number }[];
    expect(data.dimensions.map((d) => d.key).sort()).toEqual(dims.map((d) => d.key).sort());
    for (const d of dims) {
      const shown = data.dimensions.find((x) => x.key === d.key);
      expect(shown?.count).toBe(d.n);
      expect(shown?.bins.reduce((a, b) => a + b, 0)).toBe(d.n);
      expect(shown?.mean).toBeCloseTo(d.mean, 0);
    }
    expect(data.dimensions[0]?.key, 'catalogue order').toBe('strategic-vision');
    for (const d of dims) {
      const scores = db.prepare(`SELECT score FROM dimensions WHERE key = ? ORDER BY score`).pluck().all(d.key) as number[];
      const mid = scores.length >> 1;
      const median = scores.length % 2 === 1 ? scores[mid] : ((scores[mid - 1] ?? 0) + (scores[mid] ?? 0)) / 2;
      expect(data.dimensions.find((x) => x.key === d.key)?.median, d.key).toBe(median);
    }
  });

  it('keeps its figures over all records for the next run, until a leader, a diagnostic or a score changes', async () => {
    const kept = db.prepare(`SELECT value FROM meta WHERE key = 'report_leader_stats'`).pluck().get() as string | undefined;
    expect(kept, 'the ingest kept them').toBeDefined();
    expect(JSON.parse(kept ?? '{}')).toMatchObject({ coverage: data.coverage, themes: data.themes });
    const copy = join(site, 'stats.db');
    await db.backup(copy);
    const other = new Database(copy);
    const keptNow = (): boolean => other.prepare(`SELECT 1 FROM meta WHERE key = 'report_leader_stats'`).get() !== undefined;
    const bio = (d: ReportData): number | undefined => d.coverage.fields.find((f) => f.field === 'bio')?.count;
    // Another program drops one leader's bio: the kept figures go with the change.
    other.prepare(`UPDATE leaders SET bio = NULL, record = json_remove(record, '$.bio') WHERE id = (SELECT min(id) FROM leaders WHERE bio IS NOT NULL)`).run();
    expect(keptNow()).toBe(false);
    const afterLeader = loadReportData(other);
    expect(bio(afterLeader)).toBe((bio(data) ?? 0) - 1);
    expect(keptNow(), 'kept again, through a writable connection').toBe(true);
    // One page's themes-inferred warning goes: its split counts as separated now.
    other.prepare(`DELETE FROM diagnostics WHERE id = (SELECT min(d.id) FROM diagnostics d JOIN leaders l ON l.source_path = d.source_path WHERE d.rule = 'themes-inferred')`).run();
    expect(keptNow()).toBe(false);
    const afterDiagnostic = loadReportData(other);
    expect(afterDiagnostic.themes.inferred).toBe(data.themes.inferred - 1);
    expect(afterDiagnostic.themes.separated).toBe(data.themes.separated + 1);
    // A score edited in the dimensions table alone: the histograms follow.
    expect(keptNow()).toBe(true);
    const edited = other.prepare(`UPDATE dimensions SET score = 0 WHERE (leader_id, position) = (SELECT leader_id, position FROM dimensions WHERE score >= 10 ORDER BY leader_id, position LIMIT 1) RETURNING key`).pluck().get() as string;
    expect(keptNow()).toBe(false);
    const afterScore = loadReportData(other);
    other.close();
    expect(afterScore.dimensions.find((d) => d.key === edited)?.bins[0]).toBe((data.dimensions.find((d) => d.key === edited)?.bins[0] ?? 0) + 1);
  });

  it('names the slowest parses from the stored parse times', () => {
    const parsed = db.prepare(`SELECT count(*) FROM sources WHERE parse_ms IS NOT NULL`).pluck().get() as number;
    expect(parsed).toBe(18); // every source of the run reached the parser
    expect(data.slowest?.length).toBe(15);
    const times = data.slowest?.map((s) => s.ms) ?? [];
    expect(times.every((ms) => ms >= 0)).toBe(true);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // The fifteen slowest of all, not the first fifteen met.
    expect(times).toEqual(db.prepare(`SELECT parse_ms FROM sources WHERE parse_ms IS NOT NULL ORDER BY parse_ms DESC LIMIT 15`).pluck().all());
  });

  it('reports an old database without parse times as such, and sources not seen in the run as missing', async () => {
    const copy = join(site, 'copy.db');
    await db.backup(copy);
    const old = new Database(copy);
    // A later run that saw every source but empty.txt, by a build that stored no parse times.
    old.exec(`ALTER TABLE sources DROP COLUMN parse_ms;
      INSERT INTO runs (id, started_at, finished_at, parser_version, options) VALUES (99, '2030-01-01T00:00:00Z', '2030-01-01T00:00:01Z', 'x', '{}');
      UPDATE sources SET last_seen_run = 99 WHERE path <> 'raw/empty.txt'`);
    const oldData = loadReportData(old);
    old.close();
    expect(oldData.slowest).toBeNull();
    expect(oldData.run?.id).toBe(99);
    expect(oldData.outcomes).toContain('missing');
    expect(oldData.problems.map((p) => p.path)).not.toContain('raw/empty.txt');
    expect(oldData.byFormat.find((f) => f.format === 'unknown')?.counts['missing']).toBe(1);
  });
});

describe('the page', () => {
  const hostile = '</script><script>alert(1)</script><!-- \u2028\u2029 & <img src=x onerror=alert(2)> ]]> \ud800';

  it('embeds data as JSON that no text can end or turn into markup, and that parses back unchanged', () => {
    for (const value of [hostile, { [hostile]: [hostile, 1, null] }, '</SCRIPT >', '<!--', '-->', 'a&amp;b']) {
      const json = jsonForScript(value);
      expect(json).not.toMatch(/[<>&\u2028\u2029]/);
      expect(JSON.parse(json)).toEqual(value);
    }
  });

  it('has three scripts and one stylesheet, each allowed by hash, and a policy with no network', () => {
    const html = renderReportPage({ ...data, problems: [{ path: hostile, outcome: hostile, format: null, id: null, name: hostile, diagnostics: [] }] }, chartJsSource());
    expect(html.match(/<script/gi)?.length).toBe(3);
    expect(html.match(/<\/script/gi)?.length).toBe(3);
    expect(embeddedData(html).problems[0]?.path).toBe(hostile);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.has('connect-src')).toBe(false);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    expect(scripts).toHaveLength(2);
    expect(directives.get('script-src')).toEqual(scripts.map(cspHash));
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '');
    expect(directives.get('style-src')).toEqual(styles.map(cspHash));
    expect(scripts[0]).toContain('Chart.js v4');
    expect(csp).not.toMatch(/https?:|unsafe-inline|unsafe-eval|\*/);
  });
});

describe('leaderpages report', () => {
  it('prints its help on stdout and is listed by --help', () => {
    const help = runCli(site, 'report', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: leaderpages report');
    expect(help.stdout).toContain('Exit codes:');
    expect(help.stderr).toBe('');
    expect(runCli(site, '--help').stdout).toMatch(/^ {2}report +Rebuild the run report page/m);
  });

  it('rebuilds report.html from the database alone, read-only, with the same data ingest wrote', () => {
    const ingested = embeddedData(readFileSync(join(out, 'report.html'), 'utf8'));
    const dbFile = join(out, 'leaders.db');
    const before = createHash('sha256').update(readFileSync(dbFile)).digest('hex');
    unlinkSync(join(out, 'report.html'));
    rmSync(join(site, 'raw'), { recursive: true }); // the sources are not needed
    const run = runCli(site, 'report', '--out', 'output');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('wrote output/report.html');
    const rebuilt = embeddedData(readFileSync(join(out, 'report.html'), 'utf8'));
    expect({ ...rebuilt, generatedAt: null }).toEqual({ ...ingested, generatedAt: null });
    expect(createHash('sha256').update(readFileSync(dbFile)).digest('hex')).toBe(before);

    const elsewhere = runCli(site, 'report', '--db', 'output/leaders.db', '--out', 'elsewhere');
    expect(elsewhere.status, elsewhere.stderr).toBe(0);
    expect(existsSync(join(site, 'elsewhere', 'report.html'))).toBe(true);
  });

  it('exits 2 with a clear message for a missing or foreign database and for arguments', () => {
    const missing = runCli(site, 'report', '--out', 'nowhere');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("no database at nowhere/leaders.db; run 'leaderpages ingest' first");
    expect(existsSync(join(site, 'nowhere'))).toBe(false);

    writeFileSync(join(site, 'not.db'), 'just text');
    const foreign = runCli(site, 'report', '--db', 'not.db', '--out', 'x');
    expect(foreign.status).toBe(2);
    expect(foreign.stderr).toContain('cannot read not.db as a leaderpages database');

    const empty = new Database(join(site, 'other.db'));
    empty.exec('CREATE TABLE t (a)');
    empty.close();
    const other = runCli(site, 'report', '--db', 'other.db', '--out', 'x');
    expect(other.status).toBe(2);
    expect(other.stderr).toContain('no such table');

    // An ingest holding the output folder (a live pid in its lock): the report waits for no one.
    writeFileSync(join(out, '.leaderpages.lock'), JSON.stringify({ pid: process.pid, startedAt: '2030-01-01T00:00:00.000Z' }));
    const locked = runCli(site, 'report', '--out', 'output');
    unlinkSync(join(out, '.leaderpages.lock'));
    expect(locked.status).toBe(2);
    expect(locked.stderr).toContain(`an ingest (pid ${process.pid}, started 2030-01-01T00:00:00.000Z) is writing output`);

    expect(runCli(site, 'report', 'output').status).toBe(2);
    expect(runCli(site, 'report', '--bogus').status).toBe(2);
    for (const r of [missing, foreign, other, locked]) expect(r.stdout).toBe('');
  });
});
