// A re-run tells untouched exports from a stat (src/sinks/exportStamps.ts): these are the changes a
// stat-only check could miss if it trusted size and modification time, each still found and repaired.

import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { ExportStamps, statStamp } from '../../src/sinks/exportStamps.js';
import { migrate } from '../../src/sinks/openDatabase.js';
import { expectHealed, lp, makeSite } from './faultSite.js';

const site = makeSite(12);
afterAll(() => site.remove());
const out = join(site.dir, 'out');

function reportedExports(): string[] {
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { exports: { file: string; kind: string }[] };
  return report.exports.map((e) => `${e.file} ${e.kind}`);
}

function firstLeaderId(): string {
  const db = new Database(join(out, 'leaders.db'), { readonly: true });
  try {
    return db.prepare('SELECT id FROM leaders ORDER BY id LIMIT 1').pluck().get() as string;
  } finally {
    db.close();
  }
}

it('stamps every export, and a clean re-run repairs nothing', () => {
  expect(lp(site.dir, ['ingest', 'pages', '--out', 'out', '--quiet']).status).toBe(0);
  const db = new Database(join(out, 'leaders.db'), { readonly: true });
  const stamped = db.prepare(`SELECT file FROM export_stamps ORDER BY file`).pluck().all();
  const leaders = db.prepare(`SELECT 'leaders/' || id || '.json' FROM leaders ORDER BY id`).pluck().all();
  db.close();
  expect(stamped).toEqual([...leaders, 'leaders.ndjson'].sort());
  expect(lp(site.dir, ['ingest', 'pages', '--out', 'out', '--quiet']).status).toBe(0);
  expect(reportedExports()).toEqual([]);
});

it('finds an edit that keeps the size and puts the modification time back', () => {
  const file = join(out, 'leaders', `${firstLeaderId()}.json`);
  const before = statSync(file, { bigint: true });
  const text = readFileSync(file, 'utf8');
  // Same length, other bytes: one letter of the name swapped for another.
  const edited = text.replace(/"name": "(.)/, (_all, c: string) => `"name": "${c === 'Q' ? 'Z' : 'Q'}`);
  expect(edited).not.toBe(text);
  expect(edited.length).toBe(text.length);
  writeFileSync(file, edited);
  // To the nanosecond (utimes from JavaScript numbers would round it): touch -d @seconds.nanoseconds.
  const ns = before.mtimeNs;
  expect(spawnSync('touch', ['-m', '-d', `@${ns / 1_000_000_000n}.${String(ns % 1_000_000_000n).padStart(9, '0')}`, file]).status).toBe(0);
  expect(statSync(file, { bigint: true }).mtimeNs).toBe(before.mtimeNs);
  expect(statSync(file, { bigint: true }).size).toBe(before.size);

  expect(lp(site.dir, ['ingest', 'pages', '--out', 'out', '--quiet']).status).toBe(0);
  expect(reportedExports()).toEqual([`leaders/${firstLeaderId()}.json edited`]);
  expect(readFileSync(file, 'utf8')).toBe(text);
  expectHealed(site, 'out');
});

it('finds a leader row another program changed, whose file still matches its old stamp', () => {
  const id = firstLeaderId();
  const db = new Database(join(out, 'leaders.db'));
  db.prepare(`UPDATE leaders SET record = json_set(record, '$.bio', 'Edited in the database.') WHERE id = ?`).run(id);
  db.close();

  expect(lp(site.dir, ['ingest', 'pages', '--out', 'out', '--quiet']).status).toBe(0);
  // The database is the source of truth: both exports now show its row.
  expect(reportedExports().sort()).toEqual([`leaders/${id}.json edited`, 'leaders.ndjson edited'].sort());
  expect(JSON.parse(readFileSync(join(out, 'leaders', `${id}.json`), 'utf8')).bio).toBe('Edited in the database.');
});

it('trusts a stamp only while the file matches it and it is older than the reference', () => {
  const db = new Database(':memory:');
  migrate(db);
  const stamps = new ExportStamps(db);
  const file = join(site.dir, 'stamped.txt');
  writeFileSync(file, 'one\n');
  stamps.record('stamped.txt', file);
  const recorded = stamps.all().get('stamped.txt');
  const now = statStamp(file);
  expect(recorded).toEqual(now);
  // No reference yet (no run finished): nothing is trusted.
  expect(stamps.trust()(recorded, now)).toBe(false);
  // A stamp as new as the reference is "racy": a change in the same clock tick would keep the ctime.
  expect(stamps.trust(recorded!.ctimeNs)(recorded, now)).toBe(false);
  const later = String(BigInt(recorded!.ctimeNs) + 1n);
  expect(stamps.trust(later)(recorded, now)).toBe(true);
  for (const changed of [{ size: now!.size + 1 }, { ino: `${now!.ino}0` }, { ctimeNs: later }]) {
    expect(stamps.trust(later)(recorded, { ...now!, ...changed })).toBe(false);
  }
  expect(stamps.trust(later)(undefined, now)).toBe(false);
  expect(stamps.trust(later)(recorded, null)).toBe(false);
  stamps.setReference(later);
  expect(stamps.trust()(recorded, now)).toBe(true);
  db.close();
});

it('the stats taken on another thread (findSuspectsAhead) name the same suspects as those taken here', async () => {
  // The worker runs from dist/, so the built modules are compared with each other.
  const { findSuspectsAhead } = await import('../../dist/src/sinks/findSuspectsOnThread.js');
  const { findSuspects } = await import('../../dist/src/sinks/checkExports.js');
  const { ExportStamps: BuiltStamps } = await import('../../dist/src/sinks/exportStamps.js');
  expect(lp(site.dir, ['ingest', 'pages', '--out', 'out', '--quiet']).status).toBe(0);
  const id = firstLeaderId();
  writeFileSync(join(out, 'leaders', `${id}.json`), '{}\n');
  writeFileSync(join(out, 'leaders', 'stray-leader.json'), '{}\n');
  const db = new Database(join(out, 'leaders.db'), { readonly: true });
  const ids = db.prepare(`SELECT id FROM leaders ORDER BY id`).pluck();
  const here = findSuspects({ ids: () => ids.iterate() as IterableIterator<string>, stamps: new BuiltStamps(db) }, out);
  db.close();
  const there = await findSuspectsAhead(out).result;
  expect(there).toEqual(here);
  expect(there?.suspects.map((s) => s.name)).toEqual([`leaders/${id}.json`]);
  expect(there?.strays.map((s) => s.file)).toEqual(['leaders/stray-leader.json']);
  // No database yet: no answer, and the caller checks on its own thread.
  expect(await findSuspectsAhead(join(site.dir, 'nothing-here')).result).toBeNull();

  expect(lp(site.dir, ['ingest', 'pages', '--out', 'out', '--quiet']).status).toBe(0);
  expect(reportedExports()).toEqual([`leaders/${id}.json edited`, 'leaders/stray-leader.json stray']);
});
