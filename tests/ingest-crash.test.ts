// Crash safety of the real `leaderpages ingest`: SIGKILL it mid-run on a few thousand pages, then the
// database passes integrity_check, no committed leader's record file is half-written (a file written in
// place into a leaders/ folder new to the run, and not yet committed, may be: the next run rewrites it),
// and a re-run finishes the job with exactly the output of an uninterrupted run.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../scripts/syntheticCorpus.js';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const site = mkdtempSync(join(tmpdir(), 'lp-crash-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

function committedSources(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return conn.prepare('SELECT count(*) FROM sources').pluck().get() as number;
    } finally {
      conn.close();
    }
  } catch {
    return 0; // not created yet
  }
}

it('survives SIGKILL mid-run and the next run completes it', async () => {
  const total = 1200;
  writeSyntheticCorpus(join(site, 'pages'), total);
  const out = join(site, 'out');

  const child = spawn(process.execPath, [cli, 'ingest', 'pages', '--out', 'out', '--quiet'], { cwd: site, stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | number | null>((done) => child.on('exit', (code, signal) => done(signal ?? code)));
  // Kill once at least one batch has committed and before the run ends.
  let killed = false;
  for (let waited = 0; waited < 240_000 && child.exitCode === null; waited += 10) {
    if (committedSources(join(out, 'leaders.db')) >= 500) {
      killed = child.kill('SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  expect(await exited).toBe('SIGKILL');
  expect(killed).toBe(true);
  expect(existsSync(join(out, 'report.json'))).toBe(false);

  const db = new Database(join(out, 'leaders.db'));
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  const committed = db.prepare('SELECT count(*) FROM sources').pluck().get() as number;
  const committedIds = new Set(db.prepare('SELECT id FROM leaders').pluck().all() as string[]);
  db.close();
  expect(committed).toBeGreaterThanOrEqual(500);
  expect(committed).toBeLessThan(total);
  // Every committed leader's record file is whole; temp files are never named *.json.
  expect(committedIds.size).toBeGreaterThan(0);
  for (const name of readdirSync(join(out, 'leaders')).filter((f) => committedIds.has(f.slice(0, -'.json'.length)))) {
    expect(() => JSON.parse(readFileSync(join(out, 'leaders', name), 'utf8'))).not.toThrow();
  }

  const rerun = spawnSync(process.execPath, [cli, 'ingest', 'pages', '--out', 'out', '--quiet'], { cwd: site, encoding: 'utf8' });
  expect(rerun.stderr).toBe('');
  expect([0, 1]).toContain(rerun.status);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { run: { counts: Record<string, number> } };
  expect(report.run.counts['sources']).toBe(total);
  // What the killed run committed is kept, not redone.
  expect(report.run.counts['unchanged']).toBeGreaterThan(0);

  const clean = spawnSync(process.execPath, [cli, 'ingest', 'pages', '--out', 'clean', '--quiet'], { cwd: site, encoding: 'utf8' });
  expect(clean.status).toBe(rerun.status);
  expect(readFileSync(join(out, 'leaders.ndjson'), 'utf8')).toBe(readFileSync(join(site, 'clean', 'leaders.ndjson'), 'utf8'));
  expect(readdirSync(join(out, 'leaders')).sort()).toEqual(readdirSync(join(site, 'clean', 'leaders')).sort());

  const after = new Database(join(out, 'leaders.db'), { readonly: true });
  const leaders = after.prepare('SELECT count(*) FROM leaders').pluck().get() as number;
  expect(after.prepare('SELECT count(*) FROM sources').pluck().get()).toBe(total);
  expect(after.prepare('SELECT count(*) FROM leaders_fts').pluck().get()).toBe(leaders);
  expect(after.prepare('SELECT count(*) FROM runs WHERE finished_at IS NULL').pluck().get()).toBe(1);
  after.close();
  expect(leaders).toBe(report.run.counts['written']! + report.run.counts['unchanged']!);
  expect(readdirSync(join(out, 'leaders')).filter((f) => f.endsWith('.json'))).toHaveLength(leaders);
  expect(readdirSync(join(out, 'leaders')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
}, 300_000);
