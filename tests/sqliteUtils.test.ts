// leaders.db in the full-text convention of sqlite-utils and Datasette (issue 13, defect 12): Debian's
// real `sqlite-utils` finds leaders_fts for the leaders table, searches it and queries it, with the
// commands docs/data-contract.md documents; and an older database (schema 3, FTS with its own copy)
// migrates forward to the same shape.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/sinks/openDatabase.js';
import { migrations } from '../src/sinks/migrations.js';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const corpus = resolve(root, '..', 'shared', 'corpus');
const site = mkdtempSync(join(tmpdir(), 'lp-sqlite-utils-'));
const db = join(site, 'output', 'leaders.db');
afterAll(() => rmSync(site, { recursive: true, force: true }));

function sqliteUtils(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('sqlite-utils', args, { cwd: site, encoding: 'utf8' });
  if (run.error !== undefined) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The commands of the data contract's sqlite-utils block, as argument lists. */
function documentedCommands(): string[][] {
  const doc = readFileSync(join(root, 'docs', 'data-contract.md'), 'utf8');
  const block = /```console\n([\s\S]*?)```/.exec(doc.slice(doc.indexOf('### With sqlite-utils')))?.[1] ?? '';
  return block
    .split('\n')
    .filter((line) => line.startsWith('$ sqlite-utils '))
    .map((line) => [...line.slice('$ sqlite-utils '.length).matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? ''));
}

beforeAll(() => {
  mkdirSync(join(site, 'raw'));
  copyFileSync(join(corpus, 'seed', 'bill-carr.txt'), join(site, 'raw', 'bill-carr.txt'));
  copyFileSync(join(corpus, 'dev', 'clean-md', 'annie-duke.md'), join(site, 'raw', 'annie-duke.md'));
  const run = spawnSync(process.execPath, [cli, 'ingest', 'raw', '--quiet'], { cwd: site, encoding: 'utf8' });
  expect(run.status).toBe(0);
});

describe('sqlite-utils on leaders.db', () => {
  it('runs the documented commands: counts, full-text search from the leaders table, and a query', () => {
    const commands = documentedCommands();
    expect(commands.map((c) => c[0])).toEqual(['tables', 'search', 'query']);
    const [tables, search, query] = commands.map((args) => sqliteUtils(...args));

    expect(tables?.status).toBe(0);
    const counts = JSON.parse(tables?.stdout ?? '') as { table: string; count: number }[];
    expect(counts).toContainEqual({ table: 'leaders', count: 2 });
    expect(counts).toContainEqual({ table: 'leaders_fts', count: 2 });

    expect(search?.stderr).toBe('');
    expect(search?.status).toBe(0);
    expect(JSON.parse(search?.stdout ?? '')).toEqual([{ id: 'bill-carr', name: 'Bill Carr' }]);

    expect(query?.status).toBe(0);
    expect(JSON.parse(query?.stdout ?? '')).toEqual([{ id: 'bill-carr', name: 'Bill Carr' }]);
  });

  it('finds a leader by a word of a quote, and forgets a leader whose source is pruned', () => {
    const hit = sqliteUtils('search', 'output/leaders.db', 'leaders', 'poker', '-c', 'id');
    expect(JSON.parse(hit.stdout)).toEqual([{ id: 'annie-duke' }]);
    rmSync(join(site, 'raw', 'annie-duke.md'));
    const run = spawnSync(process.execPath, [cli, 'ingest', 'raw', '--quiet', '--prune'], { cwd: site, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(JSON.parse(sqliteUtils('search', 'output/leaders.db', 'leaders', 'poker', '-c', 'id').stdout)).toEqual([]);
    const rw = new Database(db);
    // FTS5's own check that the index matches its content table.
    expect(() => rw.prepare(`INSERT INTO leaders_fts (leaders_fts, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
    rw.close();
  });
});

describe('full-text snippets (issue 13, defect 13)', () => {
  it('the documented query gives one-line snippets that mark the hit', () => {
    const doc = readFileSync(join(root, 'docs', 'data-contract.md'), 'utf8');
    const sql = /```sql\n([\s\S]*?)```/.exec(doc.slice(doc.indexOf('Who talks about customer obsession (full-text')))?.[1] ?? '';
    expect(sql).toContain('snippet(leaders_fts');
    const ro = new Database(db, { readonly: true });
    const hits = ro.prepare(sql).all() as { id: string; hit: string }[];
    ro.close();
    expect(hits.map((h) => h.id)).toContain('bill-carr');
    expect(hits.find((h) => h.id === 'bill-carr')?.hit).toContain('[customer] [obsession]');
    for (const { hit } of hits) expect(hit).not.toMatch(/[\r\n]/);
  });
});

/** A database at schema `version`, as an older leaderpages left it, with one run and one source `a.txt`. */
function databaseAt(version: number, name: string): Database.Database {
  const db = new Database(join(site, name));
  db.exec(migrations.slice(0, version).join('\n'));
  db.pragma(`user_version = ${version}`);
  db.exec(`INSERT INTO runs (id, started_at, parser_version, options) VALUES (1, 'x', 'p', '{}');
    INSERT INTO sources (path, status, parser_version, last_seen_run) VALUES ('a.txt', 'written', 'p', 1);`);
  return db;
}

describe('migration 7', () => {
  it('joins a schema-6 database\'s one-per-line lists on one line, and the index still finds them', () => {
    const old = databaseAt(6, 'v6.db');
    old.exec(`INSERT INTO leaders (key, id, name, source_path, source_sha256, parser_version, record_version, record, updated_run, themes, principles, quotes)
        VALUES (3, 'ada', 'Ada Example', 'a.txt', 's', 'p', 1, '{}', 1, 'customer obsession' || char(10) || 'bar raiser', 'Work backwards', NULL);
      INSERT INTO leaders_fts (leaders_fts) VALUES ('rebuild');`);
    migrate(old);
    expect(old.prepare('SELECT themes, principles, quotes FROM leaders').get()).toEqual({
      themes: 'customer obsession · bar raiser',
      principles: 'Work backwards',
      quotes: null,
    });
    expect(old.prepare(`SELECT rowid FROM leaders_fts WHERE leaders_fts MATCH 'raiser'`).pluck().all()).toEqual([3]);
    expect(() => old.prepare(`INSERT INTO leaders_fts (leaders_fts, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
    old.close();
  });
});

describe('migration 4', () => {
  it('turns a schema-3 database with its own FTS copy into the external-content index, rows and search kept', () => {
    const old = databaseAt(3, 'old.db');
    old.exec(`INSERT INTO leaders (key, id, name, source_path, source_sha256, parser_version, record_version, record, updated_run)
        VALUES (7, 'ada', 'Ada Example', 'a.txt', 's', 'p', 1, '{"themes":["customer obsession","bar raiser"],"principles":["Work backwards"],"quotes":[{"text":"Be kind","context":null},{"text":"Ship it","context":"at launch"}]}', 1);
      INSERT INTO leaders_fts (rowid, name, role, bio, summary, themes, principles, quotes) VALUES (7, 'Ada Example', '', '', '', 'customer obsession', '', '');`);
    migrate(old);
    expect(old.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(old.prepare('SELECT themes, principles, quotes FROM leaders').get()).toEqual({
      themes: 'customer obsession · bar raiser',
      principles: 'Work backwards',
      quotes: 'Be kind · Ship it · at launch',
    });
    const match = old.prepare(`SELECT rowid FROM leaders_fts WHERE leaders_fts MATCH ?`).pluck();
    expect(match.all('launch')).toEqual([7]);
    expect(match.all('raiser')).toEqual([7]);
    old.prepare(`DELETE FROM leaders WHERE key = 7`).run();
    expect(match.all('raiser')).toEqual([]);
    old.close();
  });
});
