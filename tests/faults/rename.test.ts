// Fault 8: renamed and moved sources. A page that moved (same bytes at a new path, the old path gone)
// keeps its leader: the leader moves with it, no second leader appears, nothing is missing; a leader
// whose id came from the site's file-name slug keeps that id. The report's missing/pruned list names
// a leader only while it really goes: never one another source now holds.

import { copyFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { expectHealed, filesUnder, lp, makeSite } from './faultSite.js';

const site = makeSite(24);
afterAll(() => site.remove());
const pages = join(site.dir, 'pages');

interface Report {
  run: { counts: Record<string, number> };
  sources: { path: string; status: string; id: string | null; movedFrom?: string }[];
  missing: { path: string; id: string | null; pruned: boolean }[];
}
const report = (out: string) => JSON.parse(readFileSync(join(site.dir, out, 'report.json'), 'utf8')) as Report;

function leaders(out: string): { id: string; source_path: string }[] {
  const db = new Database(join(site.dir, out, 'leaders.db'), { readonly: true });
  try {
    return db.prepare('SELECT id, source_path FROM leaders ORDER BY id').all() as { id: string; source_path: string }[];
  } finally {
    db.close();
  }
}

it('a renamed page moves its leader: no second leader, nothing missing, the same as a clean run', () => {
  expect(lp(site.dir, ['ingest', 'pages', '--out', 'out', '--quiet']).status).toBe(0);
  const before = leaders('out');
  const [first] = filesUnder(pages).sort() as [string];
  mkdirSync(join(pages, 'moved'));
  renameSync(join(pages, first), join(pages, 'moved', 'renamed' + first.slice(first.lastIndexOf('.'))));
  const newPath = `pages/moved/renamed${first.slice(first.lastIndexOf('.'))}`;

  const rerun = lp(site.dir, ['ingest', 'pages', '--out', 'out']);
  expect(rerun.status).toBe(0);
  expect(rerun.stderr).toContain('1 written, 23 unchanged, 0 rejected, 0 missing');
  const moved = report('out').sources.find((s) => s.path === newPath);
  expect(moved).toMatchObject({ status: 'written', movedFrom: `pages/${first}` });
  expect(report('out').missing).toEqual([]);
  const after = leaders('out');
  expect(after.map((l) => l.id)).toEqual(before.map((l) => l.id));
  expect(after.find((l) => l.id === moved?.id)?.source_path).toBe(newPath);
  expectHealed(site, 'out');
});

it('renamed and edited: --prune lists the old path as pruned without a leader, since the leader lives on', () => {
  expect(lp(site.dir, ['ingest', 'pages', '--out', 'out', '--quiet']).status).toBe(0);
  const [victim] = filesUnder(pages).filter((f) => f.startsWith('seed-text/')).sort() as [string];
  const text = readFileSync(join(pages, victim), 'utf8');
  writeFileSync(join(pages, 'seed-text', 'edited-copy.txt'), text + '\n');
  const id = report('out').sources.find((s) => s.path === `pages/${victim}`)?.id;
  expect(id).toBeTruthy();
  renameSync(join(pages, victim), join(site.dir, 'set-aside.txt'));

  const rerun = lp(site.dir, ['ingest', 'pages', '--out', 'out', '--prune']);
  expect(rerun.status).toBe(0);
  expect(report('out').missing).toEqual([{ path: `pages/${victim}`, id: null, pruned: true }]);
  expect(leaders('out').find((l) => l.id === id)?.source_path).toBe('pages/seed-text/edited-copy.txt');
  expectHealed(site, 'out', undefined, undefined, undefined, true);

  // A source that really goes takes its leader with it, and says so.
  const [gone] = filesUnder(pages).filter((f) => f.startsWith('site-html/')).sort() as [string];
  const goneId = report('out').sources.find((s) => s.path === `pages/${gone}`)?.id;
  renameSync(join(pages, gone), join(site.dir, 'gone.html'));
  expect(lp(site.dir, ['ingest', 'pages', '--out', 'out', '--prune']).status).toBe(0);
  expect(report('out').missing).toEqual([{ path: `pages/${gone}`, id: goneId, pruned: true }]);
  expect(leaders('out').map((l) => l.id)).not.toContain(goneId);
  expectHealed(site, 'out', undefined, undefined, undefined, true);
});

it("a leader whose id is the site's file-name slug keeps it when the file is renamed", () => {
  const corpus = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'dev', 'site-html');
  const dir = join(site.dir, 'slug');
  mkdirSync(dir);
  copyFileSync(join(corpus, 'jess-lachs.html'), join(dir, 'jess-lachs.html'));
  expect(lp(site.dir, ['ingest', 'slug', '--out', 'slug-out', '--quiet']).status).toBe(0);
  expect(leaders('slug-out').map((l) => l.id)).toEqual(['jess-lachs']);

  renameSync(join(dir, 'jess-lachs.html'), join(dir, 'profile-42.html'));
  const rerun = lp(site.dir, ['ingest', 'slug', '--out', 'slug-out', '--prune']);
  expect(rerun.status).toBe(0);
  expect(leaders('slug-out')).toEqual([{ id: 'jess-lachs', source_path: 'slug/profile-42.html' }]);
  expect(report('slug-out').missing).toEqual([]);
  expect(report('slug-out').sources).toMatchObject([{ path: 'slug/profile-42.html', id: 'jess-lachs', movedFrom: 'slug/jess-lachs.html' }]);
  expect(lp(site.dir, ['verify', '--out', 'slug-out']).status).toBe(0);
});
