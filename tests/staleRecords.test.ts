// An edited source that turns invalid keeps its last good record by default, marked stale in
// leaders.db and report.json; --prune removes it; fixing the page brings a fresh record.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const corpus = resolve(root, '..', 'shared', 'corpus', 'dev');

let site: string;
let good: string;

function ingest(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, 'ingest', 'raw', '--out', 'out', '--quiet', ...args], { cwd: site, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

const ndjsonIds = () => readFileSync(join(site, 'out', 'leaders.ndjson'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
const leaderRow = (id: string) => {
  const db = new Database(join(site, 'out', 'leaders.db'), { readonly: true });
  try {
    return db.prepare(`SELECT id, stale_run AS staleRun, record FROM leaders WHERE id = ?`).get(id) as { id: string; staleRun: number | null; record: string } | undefined;
  } finally {
    db.close();
  }
};
const reportEntry = (path: string) =>
  (JSON.parse(readFileSync(join(site, 'out', 'report.json'), 'utf8')) as { sources: { path: string; status: string; stale?: string[] }[] }).sources.find((s) => s.path === path);

beforeAll(() => {
  site = mkdtempSync(join(tmpdir(), 'leaderpages-stale-'));
  mkdirSync(join(site, 'raw'));
  copyFileSync(join(corpus, 'clean-md', 'bill-carr.md'), join(site, 'raw', 'bill-carr.md'));
  copyFileSync(join(corpus, 'clean-md', 'annie-duke.md'), join(site, 'raw', 'annie-duke.md'));
  good = readFileSync(join(site, 'raw', 'bill-carr.md'), 'utf8');
});

afterAll(() => {
  rmSync(site, { recursive: true, force: true });
});

describe('a source edited into an invalid page', () => {
  it('keeps its last good record, marked stale, in leaders.db, the exports and report.json', () => {
    expect(ingest().status).toBe(0);
    const before = readFileSync(join(site, 'out', 'leaders', 'bill-carr.json'), 'utf8');
    // Break it: the dimension scores go over 100 (an error), so the page yields no record.
    const broken = good.replace(/(\d+)%/g, '1$1%');
    expect(broken).not.toBe(good);
    writeFileSync(join(site, 'raw', 'bill-carr.md'), broken);

    const run = ingest();
    expect(run.status).toBe(1);
    expect(readFileSync(join(site, 'out', 'leaders', 'bill-carr.json'), 'utf8')).toBe(before);
    expect(ndjsonIds()).toEqual(['annie-duke', 'bill-carr']);
    expect(leaderRow('bill-carr')?.staleRun).toBe(2);
    expect(leaderRow('annie-duke')?.staleRun).toBeNull();
    expect(reportEntry('raw/bill-carr.md')).toMatchObject({ status: 'rejected', stale: ['bill-carr'] });

    // An unchanged re-run reports it again, still stale since run 2.
    expect(ingest().status).toBe(1);
    expect(reportEntry('raw/bill-carr.md')).toMatchObject({ status: 'rejected', stale: ['bill-carr'] });
    expect(leaderRow('bill-carr')?.staleRun).toBe(2);
  });

  it('--prune removes the stale record, its JSON file and NDJSON line', () => {
    expect(ingest('--prune').status).toBe(1);
    expect(leaderRow('bill-carr')).toBeUndefined();
    expect(existsSync(join(site, 'out', 'leaders', 'bill-carr.json'))).toBe(false);
    expect(ndjsonIds()).toEqual(['annie-duke']);
    expect(reportEntry('raw/bill-carr.md')?.stale).toBeUndefined();
  });

  it('fixing the page writes a fresh record that is not stale', () => {
    writeFileSync(join(site, 'raw', 'bill-carr.md'), good.replace(/(\d+)%/g, '1$1%'));
    expect(ingest().status).toBe(1);
    writeFileSync(join(site, 'raw', 'bill-carr.md'), good);
    expect(ingest().status).toBe(0);
    expect(leaderRow('bill-carr')?.staleRun).toBeNull();
    expect(ndjsonIds()).toEqual(['annie-duke', 'bill-carr']);
  });

  it('a stale record gives its id up to another source that yields a record', () => {
    writeFileSync(join(site, 'raw', 'bill-carr.md'), good.replace(/(\d+)%/g, '1$1%'));
    expect(ingest().status).toBe(1);
    expect(leaderRow('bill-carr')?.staleRun).not.toBeNull();
    copyFileSync(join(corpus, 'seed-text', 'bill-carr.txt'), join(site, 'raw', 'bill-carr.txt'));
    ingest();
    const row = leaderRow('bill-carr');
    expect(row?.staleRun).toBeNull();
    expect((JSON.parse(row?.record ?? '{}') as { source: { path: string } }).source.path).toBe('raw/bill-carr.txt');
  });
});
