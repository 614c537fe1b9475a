// Fault 3: a damaged leaders.db (truncated, overwritten with random bytes, a page corrupted). The next
// ingest — with or without --force — says so in one line, moves it (and its WAL files) aside to
// leaders.db.corrupt-<time>, and rebuilds it from the sources; verify reports it without touching it.

import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { expectHealed, lp, makeSite } from './faultSite.js';

const site = makeSite(30);
afterAll(() => site.remove());
const out = join(site.dir, 'out');
const db = join(out, 'leaders.db');

const damages: [string, () => void][] = [
  ['truncated to half', () => truncateSync(db, Math.floor(statSync(db).size / 2))],
  ['overwritten with random bytes', () => writeFileSync(db, randomBytes(statSync(db).size))],
  [
    'a page in the middle overwritten',
    () => {
      const fd = openSync(db, 'r+');
      // Pages are 4096 bytes; page 3 onwards hold tables and indexes.
      writeSync(fd, randomBytes(4096), 0, 4096, 4096 * 3);
      closeSync(fd);
    },
  ],
];

it.each(damages)('leaders.db %s: moved aside, rebuilt from the sources, no stack trace', (_what, damage) => {
  expect(lp(site.dir, ['ingest', 'pages', '--out', 'out', '--quiet']).status).toBe(0);
  // The clean run marked the database sound: the damage below must be seen through that mark.
  expect(existsSync(join(out, '.leaders.db.sound'))).toBe(true);
  const asideCount = () => readdirSync(out).filter((f) => f.startsWith('leaders.db.corrupt-') && !/-(wal|shm)$/.test(f)).length;
  const asideBefore = asideCount();
  damage();

  const verify = lp(site.dir, ['verify', '--out', 'out']);
  expect(verify.status).toBe(1);
  expect(verify.stdout).toMatch(/^leaders\.db\tdamaged \(/);

  const rerun = lp(site.dir, ['ingest', 'pages', '--out', 'out']);
  expect(rerun.status).toBe(0);
  expect(rerun.stderr).toMatch(new RegExp(`leaders\\.db was damaged \\(.+\\); moved it to ${db.replace(/[.]/g, '\\.')}\\.corrupt-\\S+ and rebuilding from the sources\\.`));
  expect(rerun.stderr).toContain('30 written');
  expect(rerun.stderr).not.toMatch(/\n\s+at /);
  expect(asideCount()).toBe(asideBefore + 1);
  expectHealed(site, 'out');
});

it('--force rebuilds over a damaged database without a manual delete', () => {
  truncateSync(db, 1000);
  const rerun = lp(site.dir, ['ingest', 'pages', '--out', 'out', '--force']);
  expect(rerun.status).toBe(0);
  expect(rerun.stderr).toContain('was damaged');
  expectHealed(site, 'out');
});
