// Faults 4 and 5: the output folder on a full disk, or on a read-only one. Real file systems: a small
// tmpfs (needs root and mount; skipped, and said so, where the machine does not allow it). The user
// sees one line naming the path and what to do, exit 74 (disk full) or 73 (cannot write), no stack
// trace, no temp file; once there is room (or write access) the next run completes the job.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { canMount, cli, expectHealed, leftovers, lp, makeSite } from './faultSite.js';

const mountable = canMount();
const site = makeSite(30);
const mounts: string[] = [];
afterAll(() => {
  for (const dir of mounts) spawnSync('umount', [dir]);
  site.remove();
});

function mountTmpfs(name: string, options: string): string {
  const dir = join(site.dir, name);
  mkdirSync(dir, { recursive: true });
  expect(spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]).status).toBe(0);
  mounts.push(dir);
  return dir;
}

const remount = (dir: string, options: string) => expect(spawnSync('mount', ['-o', `remount,${options}`, dir]).status).toBe(0);

function expectSoundIfPresent(db: string): void {
  let conn: Database.Database;
  try {
    conn = new Database(db, { readonly: true, fileMustExist: true });
  } catch {
    return; // never created: the disk was full before the first page
  }
  try {
    expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    conn.close();
  }
}

describe.skipIf(!mountable)('on a real tmpfs', () => {
  // From "full before the database exists" to "full while writing the exports and reports".
  it.each(['64k', '200k', '450k', '700k'])('a disk of %s fills up: exit 74 with one line; after freeing space the re-run completes', (size) => {
    const mnt = mountTmpfs(`full-${size}`, `size=${size}`);
    const out = join(mnt, 'out');
    const run = lp(site.dir, ['ingest', 'pages', '--out', out]);
    expect(run.status).toBe(74);
    expect(run.stdout).toBe('');
    const lines = run.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^leaderpages ingest: disk full while writing ${out}\\S*: free some space`));
    expect(run.stderr).not.toMatch(/rollback|no transaction|\n\s+at /);
    expect(leftovers(out)).toEqual([]);
    expectSoundIfPresent(join(out, 'leaders.db'));

    remount(mnt, 'size=16m');
    const rerun = lp(site.dir, ['ingest', 'pages', '--out', out, '--quiet']);
    expect(rerun.status).toBe(0);
    expectHealed(site, out);
  });

  it('a read-only output folder: exit 73 naming it; writable again, the re-run completes', () => {
    const mnt = mountTmpfs('ro', 'size=16m');
    const out = join(mnt, 'out');
    expect(lp(site.dir, ['ingest', 'pages', '--out', out, '--quiet']).status).toBe(0);
    remount(mnt, 'ro');

    for (const target of [out, join(mnt, 'not-yet')]) {
      const run = lp(site.dir, ['ingest', 'pages', '--out', target, '--force']);
      expect(run.status).toBe(73);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim()).toMatch(new RegExp(`^leaderpages ingest: ${mnt}\\S* is on a read-only file system \\(or opened read-only\\): choose a writable --out folder\\.$`));
    }

    remount(mnt, 'rw');
    expect(lp(site.dir, ['ingest', 'pages', '--out', out, '--quiet']).status).toBe(0);
    expectHealed(site, out);
  });
});

// Where mounting is not allowed (CI as an ordinary user), a file-size limit makes the same fault:
// writes past it fail with EFBIG (Node ignores SIGXFSZ), which SQLite reports as SQLITE_IOERR_WRITE.
it.each([100, 400])('a file-size limit of %i KB (ulimit -f): exit 74 with one line; without it the re-run completes', (blocks) => {
  const out = `limited-${blocks}`;
  const run = spawnSync('bash', ['-c', `ulimit -f ${blocks} && exec "$0" "$@"`, process.execPath, cli, 'ingest', 'pages', '--out', out], {
    cwd: site.dir,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(run.status).toBe(74);
  expect(run.stdout).toBe('');
  const lines = run.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^leaderpages ingest: (disk full|I\/O error) while writing /);
  expect(run.stderr).not.toMatch(/rollback|no transaction|\n\s+at /);
  expect(leftovers(join(site.dir, out))).toEqual([]);
  expectSoundIfPresent(join(site.dir, out, 'leaders.db'));

  expect(lp(site.dir, ['ingest', 'pages', '--out', out, '--quiet']).status).toBe(0);
  expectHealed(site, out);
});

it('an output folder that cannot be created (a file is in the way): one line naming the file, exit 73', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lp-blocked-'));
  try {
    spawnSync('touch', [join(dir, 'file')]);
    const run = lp(site.dir, ['ingest', 'pages', '--out', join(dir, 'file', 'out')]);
    expect(run.stderr).toBe(`leaderpages ingest: ${join(dir, 'file')} is a file, not a folder: choose another --out folder (or move the file).\n`);
    expect(run.status).toBe(73);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
