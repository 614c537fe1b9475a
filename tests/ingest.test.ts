// The real `leaderpages ingest` on real corpus pages of every family: outputs, incremental re-runs,
// editing one page, --prune, duplicate ids, rejected pages, usage errors.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const corpus = resolve(root, '..', 'shared', 'corpus', 'dev');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function ingest(cwd: string, ...args: string[]): Run {
  const result = spawnSync(process.execPath, [cli, 'ingest', ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Two leaders from each family, all different leaders.
const pages = [
  'clean-md/bill-carr.md',
  'clean-md/annie-duke.md',
  'seed-text/ami-vora.txt',
  'seed-text/andy-raskin.txt',
  'inner-text/austin-hay.txt',
  'inner-text/ben-williams.txt',
  'site-html/brian-balfour.html',
  'site-html/camille-hearst.html',
  'turndown-md/chip-conley.md',
  'turndown-md/dalton-caldwell.md',
];

interface Report {
  run: { counts: Record<string, number>; parserVersion: string; startedAt: string; finishedAt: string };
  sources: { path: string; format: string | null; status: string; id: string | null; diagnostics: { rule: string; severity: string; message: string }[] }[];
  missing: { path: string; id: string | null; pruned: boolean }[];
}

interface LeaderRecord {
  id: string;
  themes: string[];
  principles: string[];
  quotes: { text: string; context: string | null }[];
  dimensions: unknown[];
  archetypes: string[];
  source: { path: string };
}

function readReport(out: string): Report {
  return JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
}

function readNdjson(out: string): LeaderRecord[] {
  return readFileSync(join(out, 'leaders.ndjson'), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as LeaderRecord);
}

function snapshot(out: string): Map<string, { text: string; mtimeMs: number }> {
  const dir = join(out, 'leaders');
  return new Map(readdirSync(dir).map((f) => [f, { text: readFileSync(join(dir, f), 'utf8'), mtimeMs: statSync(join(dir, f)).mtimeMs }]));
}

function makeSite(): string {
  const site = mkdtempSync(join(tmpdir(), 'lp-ingest-'));
  for (const page of pages) {
    mkdirSync(join(site, 'raw', dirname(page)), { recursive: true });
    copyFileSync(join(corpus, page), join(site, 'raw', page));
  }
  return site;
}

const sites: string[] = [];
afterAll(() => {
  for (const site of sites) rmSync(site, { recursive: true, force: true });
});

describe('leaderpages ingest: a first run and an unchanged second run', () => {
  let site: string;
  let first: Run;
  let firstFiles: Map<string, { text: string; mtimeMs: number }>;
  let firstNdjson: string;
  let firstReport: Report;
  let second: Run;

  beforeAll(() => {
    site = makeSite();
    sites.push(site);
    first = ingest(site, 'raw', '--out', 'out');
    firstFiles = snapshot(join(site, 'out'));
    firstNdjson = readFileSync(join(site, 'out', 'leaders.ndjson'), 'utf8');
    firstReport = readReport(join(site, 'out'));
    second = ingest(site, 'raw', '--out', 'out');
  });

  it('writes every source, keeps stdout clean and prints a summary on stderr', () => {
    expect(first.stdout).toBe('');
    // The summary line, then the warnings per rule and the first diagnostics (see ingestSummary.test.ts).
    expect(first.stderr).toMatch(/^ingest: 10 sources: 10 written, 0 unchanged, 0 rejected, 0 missing in [\d.]+s \(\d+ docs\/s\) → .*out\n/);
    expect(first.status).toBe(0);
    const report = firstReport;
    expect(report.run.counts).toMatchObject({ sources: 10, written: 10, unchanged: 0, rejected: 0, missing: 0 });
    expect(report.sources.map((s) => s.path)).toEqual(pages.map((p) => `raw/${p}`).sort());
    expect(new Set(report.sources.map((s) => s.format))).toEqual(new Set(['markdown', 'text', 'html']));
  });

  it('writes one JSON file per leader and an NDJSON sorted by id with the same records', () => {
    const records = readNdjson(join(site, 'out'));
    const ids = records.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toHaveLength(10);
    expect([...firstFiles.keys()].sort()).toEqual(ids.map((id) => `${id}.json`));
    for (const record of records) {
      expect(JSON.parse(firstFiles.get(`${record.id}.json`)?.text ?? 'null')).toEqual(record);
    }
  });

  it('fills every table with exactly the rows the records hold', () => {
    const records = readNdjson(join(site, 'out'));
    const db = new Database(join(site, 'out', 'leaders.db'), { readonly: true });
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    const sum = (pick: (r: LeaderRecord) => unknown[]) => records.reduce((n, r) => n + pick(r).length, 0);
    expect(count('leaders')).toBe(records.length);
    expect(count('dimensions')).toBe(sum((r) => r.dimensions));
    expect(count('themes')).toBe(sum((r) => r.themes));
    expect(count('principles')).toBe(sum((r) => r.principles));
    expect(count('quotes')).toBe(sum((r) => r.quotes));
    expect(count('archetypes')).toBe(sum((r) => r.archetypes));
    expect(count('sources')).toBe(pages.length);
    expect(count('leaders_fts')).toBe(records.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare(`SELECT count(*) FROM runs WHERE finished_at IS NOT NULL`).pluck().get()).toBe(2);
    db.close();
  });

  it('finds a leader by a word from one of their quotes', () => {
    const records = readNdjson(join(site, 'out'));
    const owner = records.find((r) => r.quotes.length > 0) as LeaderRecord;
    const elsewhere = JSON.stringify(records.filter((r) => r !== owner)).toLowerCase();
    const word = (owner.quotes.map((q) => q.text).join(' ').toLowerCase().match(/[a-z]{7,}/g) ?? []).find((w) => !elsewhere.includes(w));
    expect(word).toBeDefined();
    const db = new Database(join(site, 'out', 'leaders.db'), { readonly: true });
    const ids = db.prepare(`SELECT l.id FROM leaders_fts JOIN leaders l ON l.key = leaders_fts.rowid WHERE leaders_fts MATCH ?`).pluck().all(word);
    db.close();
    expect(ids).toEqual([owner.id]);
  });

  it('reports every source unchanged on the second run and leaves every file byte-identical', () => {
    expect(second.status).toBe(0);
    expect(second.stdout).toBe('');
    const report = readReport(join(site, 'out'));
    expect(report.sources.map((s) => s.status)).toEqual(Array(10).fill('unchanged'));
    expect(report.sources.every((s) => s.id !== null && s.format !== null)).toBe(true);
    expect(snapshot(join(site, 'out'))).toEqual(firstFiles);
    expect(readFileSync(join(site, 'out', 'leaders.ndjson'), 'utf8')).toBe(firstNdjson);
  });
});

describe('leaderpages ingest: changes between runs', () => {
  it('re-writes exactly the leader whose page was edited', () => {
    const site = makeSite();
    sites.push(site);
    expect(ingest(site, 'raw', '--out', 'out', '--quiet').status).toBe(0);
    const before = snapshot(join(site, 'out'));
    const page = join(site, 'raw', 'clean-md', 'bill-carr.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('customer obsession', 'customer fixation'));
    const run = ingest(site, 'raw', '--out', 'out', '--quiet');
    expect(run).toEqual({ status: 0, stdout: '', stderr: '' });
    const report = readReport(join(site, 'out'));
    expect(report.sources.filter((s) => s.status === 'written').map((s) => s.path)).toEqual(['raw/clean-md/bill-carr.md']);
    expect(report.run.counts).toMatchObject({ written: 1, unchanged: 9 });
    const after = snapshot(join(site, 'out'));
    const changed = [...after.keys()].filter((f) => after.get(f)?.text !== before.get(f)?.text || after.get(f)?.mtimeMs !== before.get(f)?.mtimeMs);
    expect(changed).toEqual(['bill-carr.json']);
    expect(after.get('bill-carr.json')?.text).toContain('customer fixation');
    const db = new Database(join(site, 'out', 'leaders.db'), { readonly: true });
    expect(db.prepare(`SELECT text FROM themes WHERE leader_id = 'bill-carr' AND text LIKE 'customer%'`).pluck().all()).toEqual(['customer fixation']);
    db.close();
  });

  it('lists a removed source as missing, and --prune deletes its leader', () => {
    const site = makeSite();
    sites.push(site);
    expect(ingest(site, 'raw', '--out', 'out', '--quiet').status).toBe(0);
    rmSync(join(site, 'raw', 'seed-text', 'ami-vora.txt'));
    expect(ingest(site, 'raw', '--out', 'out', '--quiet').status).toBe(0);
    let report = readReport(join(site, 'out'));
    expect(report.missing).toEqual([{ path: 'raw/seed-text/ami-vora.txt', id: 'ami-vora', pruned: false }]);
    expect(existsSync(join(site, 'out', 'leaders', 'ami-vora.json'))).toBe(true);

    expect(ingest(site, 'raw', '--out', 'out', '--quiet', '--prune').status).toBe(0);
    report = readReport(join(site, 'out'));
    expect(report.missing).toEqual([{ path: 'raw/seed-text/ami-vora.txt', id: 'ami-vora', pruned: true }]);
    expect(report.run.counts).toMatchObject({ missing: 1, pruned: 1, unchanged: 9 });
    expect(existsSync(join(site, 'out', 'leaders', 'ami-vora.json'))).toBe(false);
    expect(readNdjson(join(site, 'out')).map((r) => r.id)).not.toContain('ami-vora');
    const db = new Database(join(site, 'out', 'leaders.db'), { readonly: true });
    expect(db.prepare(`SELECT count(*) FROM leaders WHERE id = 'ami-vora'`).pluck().get()).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM dimensions WHERE leader_id = 'ami-vora'`).pluck().get()).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM sources WHERE path = 'raw/seed-text/ami-vora.txt'`).pluck().get()).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM leaders`).pluck().get()).toBe(9);
    db.close();
    // Once pruned, it is no longer missing.
    expect(ingest(site, 'raw', '--out', 'out', '--quiet').status).toBe(0);
    expect(readReport(join(site, 'out')).missing).toEqual([]);
  });

  it('rejects the later of two sources with one id (duplicate-id naming the winner), in any run order', () => {
    const site = makeSite();
    sites.push(site);
    // A later path first: it is ingested alone, then an earlier path with the same leader appears.
    mkdirSync(join(site, 'raw', 'zz'));
    copyFileSync(join(corpus, 'turndown-md', 'bill-carr.md'), join(site, 'raw', 'zz', 'bill-carr.md'));
    rmSync(join(site, 'raw', 'clean-md', 'bill-carr.md'));
    expect(ingest(site, 'raw', '--out', 'out', '--quiet').status).toBe(0);
    copyFileSync(join(corpus, 'clean-md', 'bill-carr.md'), join(site, 'raw', 'clean-md', 'bill-carr.md'));

    const run = ingest(site, 'raw', '--out', 'out');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('raw/zz/bill-carr.md:1:1  error');
    expect(run.stderr).toContain('duplicate-id');
    const report = readReport(join(site, 'out'));
    const loser = report.sources.find((s) => s.path === 'raw/zz/bill-carr.md');
    expect(loser?.status).toBe('rejected');
    const errors = loser?.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ rule: 'duplicate-id' })]);
    expect(errors?.[0]?.message).toContain('raw/clean-md/bill-carr.md');
    expect(report.sources.find((s) => s.path === 'raw/clean-md/bill-carr.md')?.status).toBe('written');
    const record = JSON.parse(readFileSync(join(site, 'out', 'leaders', 'bill-carr.json'), 'utf8')) as LeaderRecord;
    expect(record.source.path).toBe('raw/clean-md/bill-carr.md');
    const db = new Database(join(site, 'out', 'leaders.db'), { readonly: true });
    expect(db.prepare(`SELECT source_path FROM leaders WHERE id = 'bill-carr'`).pluck().all()).toEqual(['raw/clean-md/bill-carr.md']);
    expect(db.prepare(`SELECT rule FROM diagnostics WHERE source_path = 'raw/zz/bill-carr.md' AND severity = 'error'`).pluck().all()).toEqual(['duplicate-id']);
    db.close();

    // Stable on the next run: still one winner, same loser.
    expect(ingest(site, 'raw', '--out', 'out', '--quiet').status).toBe(1);
    const again = readReport(join(site, 'out'));
    expect(again.sources.find((s) => s.path === 'raw/zz/bill-carr.md')?.status).toBe('rejected');
    expect(again.sources.find((s) => s.path === 'raw/clean-md/bill-carr.md')?.status).toBe('unchanged');
  });

  it('rejects a page that is not a profile without stopping the batch, and records why', () => {
    const site = makeSite();
    sites.push(site);
    writeFileSync(join(site, 'raw', 'index.md'), '# All Leaders\n\n- Bill Carr\n- Annie Duke\n');
    const run = ingest(site, 'raw', '--out', 'out');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('raw/index.md:');
    const report = readReport(join(site, 'out'));
    expect(report.run.counts).toMatchObject({ sources: 11, written: 10, rejected: 1 });
    const db = new Database(join(site, 'out', 'leaders.db'), { readonly: true });
    expect(db.prepare(`SELECT status FROM sources WHERE path = 'raw/index.md'`).pluck().get()).toBe('rejected');
    expect(db.prepare(`SELECT count(*) FROM diagnostics WHERE source_path = 'raw/index.md' AND severity = 'error'`).pluck().get()).toBeGreaterThan(0);
    db.close();
    // Unchanged, it stays rejected with the same diagnostics on the next run.
    const firstDiagnostics = report.sources.find((s) => s.path === 'raw/index.md')?.diagnostics;
    expect(ingest(site, 'raw', '--out', 'out', '--quiet').status).toBe(1);
    const again = readReport(join(site, 'out'));
    expect(again.run.counts).toMatchObject({ sources: 11, unchanged: 10, rejected: 1 });
    expect(again.sources.find((s) => s.path === 'raw/index.md')?.diagnostics).toEqual(firstDiagnostics);
  });

  it('re-parses unchanged sources when the pipeline config changes', () => {
    const site = makeSite();
    sites.push(site);
    expect(ingest(site, 'raw', '--out', 'out', '--quiet').status).toBe(0);
    writeFileSync(join(site, 'pipeline.config.mjs'), "export default { rules: { 'themes-inferred': 'off' } };\n");
    expect(ingest(site, 'raw', '--out', 'out', '--quiet').status).toBe(0);
    expect(readReport(join(site, 'out')).run.counts).toMatchObject({ written: 10, unchanged: 0 });
    expect(ingest(site, 'raw', '--out', 'out', '--quiet').status).toBe(0);
    expect(readReport(join(site, 'out')).run.counts).toMatchObject({ written: 0, unchanged: 10 });
  });

  it('re-parses everything with --force without rewriting identical files', () => {
    const site = makeSite();
    sites.push(site);
    expect(ingest(site, 'raw', '--out', 'out', '--quiet').status).toBe(0);
    const before = snapshot(join(site, 'out'));
    expect(ingest(site, 'raw', '--out', 'out', '--quiet', '--force', '--concurrency', '1').status).toBe(0);
    expect(readReport(join(site, 'out')).run.counts).toMatchObject({ written: 10, unchanged: 0 });
    expect(snapshot(join(site, 'out'))).toEqual(before);
  });
});

describe('leaderpages ingest: usage', () => {
  it.each([
    [['--bogus']],
    [['--concurrency', '0']],
    [['--concurrency', 'many']],
    [['no-such-folder']],
    [['--config', 'no-such-config.ts']],
  ])('exits 2 for %j', (args) => {
    const run = ingest(root, ...args, '--out', join(tmpdir(), 'lp-never-written'));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^leaderpages ingest: /);
  });

  it('prints help on stdout', () => {
    const run = ingest(root, '--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: leaderpages ingest');
  });

  it('is silent with --quiet', () => {
    const site = makeSite();
    sites.push(site);
    expect(ingest(site, 'raw', '--out', 'out', '--quiet')).toEqual({ status: 0, stdout: '', stderr: '' });
  });
});
