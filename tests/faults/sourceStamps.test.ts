// A re-run tells untouched sources from a stat (src/ingest/sourceStamp.ts) and reads only the others.
// These are the changes a stat check could miss if it trusted size and modification time: each is
// still read, hashed and parsed again. Runs sleep past the settle time (2 s) where a stamp must be
// trusted: a sleep only ever makes that condition truer, however loaded the machine.

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { defaultStampSettleMs, sourceStamp, stampTrustedBefore } from '../../src/ingest/sourceStamp.js';
import { cli, makeSite } from './faultSite.js';

const site = makeSite(6);
afterAll(() => site.remove());
const out = join(site.dir, 'out');
const page = join(site.dir, 'pages', 'seed-text', '000', readdirSync(join(site.dir, 'pages', 'seed-text', '000')).sort()[0]!);

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, defaultStampSettleMs + 200));

/** Runs the real CLI; returns its exit code, how many sources it read, and its counts. */
function ingest(...flags: string[]): { status: number | null; filesRead: number; written: number; unchanged: number } {
  const result = spawnSync(process.execPath, [cli, 'ingest', 'pages', '--out', 'out', ...flags], {
    cwd: site.dir,
    encoding: 'utf8',
    env: { ...process.env, LEADERPAGES_TIMINGS: '1' },
  });
  const timings = /leaderpages timings (\{.*\})/.exec(result.stderr);
  expect(timings, result.stderr).not.toBeNull();
  const counts = /(\d+) written, (\d+) unchanged/.exec(result.stderr);
  return {
    status: result.status,
    filesRead: (JSON.parse(timings![1]!) as { filesRead: number }).filesRead,
    written: Number(counts?.[1]),
    unchanged: Number(counts?.[2]),
  };
}

function stampOf(path: string): string | null {
  const db = new Database(join(out, 'leaders.db'), { readonly: true });
  try {
    return db.prepare(`SELECT stat_stamp FROM sources WHERE path = ?`).pluck().get(path) as string | null;
  } finally {
    db.close();
  }
}

const pagePath = (): string => page.slice(site.dir.length + 1);

function firstScore(): number {
  const line = readFileSync(join(out, 'leaders.ndjson'), 'utf8')
    .split('\n')
    .find((l) => l.includes(`"path":"${pagePath()}"`));
  return (JSON.parse(line!) as { dimensions: { score: number }[] }).dimensions[0]!.score;
}

it('a stamp is the size, inode and change time, and only for a file that changed before the settle time', () => {
  const stats = statSync(page, { bigint: true });
  const now = Number(stats.ctimeNs / 1_000_000n);
  expect(sourceStamp(stats, stampTrustedBefore(defaultStampSettleMs, now))).toBeUndefined();
  expect(sourceStamp(stats, stampTrustedBefore(defaultStampSettleMs, now + defaultStampSettleMs + 1))).toBe(`${stats.size}:${stats.ino}:${stats.ctimeNs}`);
});

it('pages changed just before a run are read again by the next one', () => {
  expect(ingest().filesRead).toBe(6);
  expect(stampOf(pagePath())).toBeNull();
  expect(ingest()).toMatchObject({ status: 0, filesRead: 6, unchanged: 6 });
});

it('once settled, an unchanged re-run reads no source, and --rehash reads them all', async () => {
  await settle();
  expect(ingest()).toMatchObject({ status: 0, filesRead: 6, unchanged: 6 });
  expect(stampOf(pagePath())).toMatch(/^\d+:\d+:\d+$/);
  expect(ingest()).toMatchObject({ status: 0, filesRead: 0, unchanged: 6 });
  expect(ingest('--rehash')).toMatchObject({ status: 0, filesRead: 6, unchanged: 6 });
});

it('an edit that keeps the size and the modification time is still read and parsed', async () => {
  // A whole-second modification time, so the one put back below is exactly the same.
  utimesSync(page, 1_700_000_000, 1_700_000_000);
  await settle();
  expect(ingest()).toMatchObject({ filesRead: 1, unchanged: 6 });
  const before = statSync(page);
  const text = readFileSync(page, 'utf8');
  const edited = text.replace(/(\d)0%/, '$11%');
  expect(edited).not.toBe(text);
  expect(edited.length).toBe(text.length);
  const score = firstScore();
  writeFileSync(page, edited);
  utimesSync(page, 1_700_000_000, 1_700_000_000);
  expect(statSync(page).mtimeMs).toBe(before.mtimeMs);
  expect(statSync(page).size).toBe(before.size);
  expect(ingest()).toMatchObject({ status: 0, filesRead: 1, written: 1, unchanged: 5 });
  expect(firstScore()).toBe(score + 1);
  // Changed within the settle time of that run: read again (and found unchanged) until it settles.
  expect(ingest()).toMatchObject({ filesRead: 1, unchanged: 6 });
});

it('a page replaced by a copy of itself (a new inode) is read again, and found unchanged', async () => {
  const text = readFileSync(page);
  const copy = `${page}.new`;
  writeFileSync(copy, text);
  spawnSync('mv', [copy, page]);
  await settle();
  expect(ingest()).toMatchObject({ status: 0, filesRead: 1, written: 0, unchanged: 6 });
  expect(ingest()).toMatchObject({ filesRead: 0, unchanged: 6 });
});
