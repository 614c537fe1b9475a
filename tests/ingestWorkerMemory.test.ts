// A page that kills its parser thread (here: out of memory under --worker-memory) is rejected alone
// with parser-crash; the pages around it, even those in the same job, are written; the run completes.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const corpus = resolve(root, '..', 'shared', 'corpus', 'dev');

interface ReportSource {
  path: string;
  status: string;
  diagnostics: { rule: string; line: number; column: number }[];
}

/** 250,000 paragraphs in 3 MB: fine with Node's default heap, far too much for a 64 MB one. */
function hugePage(): string {
  const parts = ['<!doctype html><html><body><main><h1>Huge Page</h1><h2>Dimension Profile</h2><p>Strategic Vision 70%</p><h2>Key Themes</h2>'];
  for (let i = 0; i < 250_000; i++) parts.push(`<p>x${i}</p>`);
  return parts.join('') + '</main></body></html>';
}

describe('ingest --worker-memory', () => {
  it('rejects only the page that exhausts a parser thread, and finishes the batch', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leaderpages-crash-'));
    // 16 ordinary pages around the huge one: with one thread, pages go three to a job, so the huge
    // page shares its job with others, which must be retried and written.
    const leaders = readdirSync(join(corpus, 'clean-md')).sort().slice(0, 16);
    leaders.forEach((name, i) => copyFileSync(join(corpus, 'clean-md', name), join(dir, `${String(i).padStart(2, '0')}-${name}`)));
    writeFileSync(join(dir, '07-huge.html'), hugePage());

    const run = spawnSync(process.execPath, [cli, 'ingest', '.', '--out', 'out', '--worker-memory', '64', '--concurrency', '1'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^07-huge\.html:1:1 {2}error {2}The parser stopped on this page \(.*memory.*\); it was skipped\. {2}parser-crash$/m);

    const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')) as { sources: ReportSource[] };
    const rejected = report.sources.filter((s) => s.status === 'rejected');
    expect(rejected.map((s) => s.path)).toEqual(['07-huge.html']);
    expect(rejected[0]?.diagnostics).toEqual([expect.objectContaining({ rule: 'parser-crash', line: 1, column: 1 })]);
    expect(report.sources.filter((s) => s.status === 'written')).toHaveLength(16);

    const db = new Database(join(dir, 'out', 'leaders.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) FROM leaders').pluck().get()).toBe(16);
    db.close();
  }, 60_000);

  it('refuses a limit too small to start a parser', () => {
    const run = spawnSync(process.execPath, [cli, 'ingest', '--worker-memory', '8'], { cwd: tmpdir(), encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--worker-memory must be a whole number of 32 or more, not '8'.");
  });
});
