// WAL checkpoints on a thread of their own (src/sinks/WalCheckpointer.ts), on real SQLite files: the
// writer's connection stops checkpointing, the WAL still starts over every few commits (so it stays
// bounded however slow the thread is), every committed row is in the database, and the connection
// checkpoints by itself again once the thread stops. The built modules are used, since the thread
// starts from dist/.

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../dist/src/sinks/openDatabase.js';
import { WalCheckpointer } from '../dist/src/sinks/WalCheckpointer.js';

const dir = mkdtempSync(join(tmpdir(), 'lp-wal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const commits = 60;
const rowsPerCommit = 20;
/** About 10 pages a commit. */
const row = 'x'.repeat(2000);

function walBytes(file: string): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

/** `commits` transactions into a fresh database; the WAL's largest size on the way. */
async function write(name: string, checkpointer: (db: Database.Database) => WalCheckpointer | null): Promise<{ file: string; largestWal: number; thread: WalCheckpointer | null; db: Database.Database }> {
  const file = join(dir, `${name}.db`);
  const db = openDatabase(file);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const thread = checkpointer(db);
  const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
  let largestWal = 0;
  for (let c = 0; c < commits; c++) {
    thread?.beforeBegin();
    db.exec('BEGIN IMMEDIATE');
    for (let r = 0; r < rowsPerCommit; r++) insert.run(`${c}:${r}:${row}`);
    db.exec('COMMIT');
    thread?.committed();
    largestWal = Math.max(largestWal, walBytes(file));
  }
  return { file, largestWal, thread, db };
}

it('keeps the WAL to a few commits, and every row reaches the database', async () => {
  // Without checkpoints at all, the WAL holds every commit: the size the thread must stay far below.
  const unchecked = await write('unchecked', (db) => {
    db.pragma('wal_autocheckpoint = 0');
    return null;
  });
  unchecked.db.close();

  const { file, largestWal, thread, db } = await write('threaded', (db) => WalCheckpointer.start(db, 4));
  expect(thread).not.toBeNull();
  // The writer's own connection does not checkpoint while the thread does.
  expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
  await thread!.stop();
  expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  // At most five commits' frames (four, plus the one that starts it over) against sixty.
  expect(largestWal).toBeGreaterThan(0);
  expect(largestWal).toBeLessThan(unchecked.largestWal / 6);
  db.close();

  const check = new Database(file, { readonly: true });
  expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(check.prepare('SELECT count(*) FROM t').pluck().get()).toBe(commits * rowsPerCommit);
  check.close();
});

it('does not wait forever on a reader that holds an old snapshot, and still starts the WAL over after it', async () => {
  const file = join(dir, 'reader.db');
  const db = openDatabase(file);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  db.prepare('INSERT INTO t (body) VALUES (?)').run(row);
  const thread = WalCheckpointer.start(db, 1)!;
  const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
  const commit = (): void => {
    thread.beforeBegin();
    db.exec('BEGIN IMMEDIATE');
    for (let r = 0; r < rowsPerCommit; r++) insert.run(row);
    db.exec('COMMIT');
    thread.committed();
  };
  commit();
  // Another program reads, holding the snapshot of that commit open while the writer goes on.
  const reader = new Database(file, { readonly: true });
  reader.exec('BEGIN');
  expect(reader.prepare('SELECT count(*) FROM t').pluck().get()).toBe(1 + rowsPerCommit);
  commit();
  commit();
  // Its snapshot still reads as it did: the checkpoint copied nothing it needs over.
  expect(reader.prepare('SELECT count(*) FROM t').pluck().get()).toBe(1 + rowsPerCommit);
  reader.exec('COMMIT');
  reader.close();
  // Once the reader is gone the WAL starts over before each transaction: from the second commit on
  // (the first may still find the copy unfinished), it grows no further.
  const sizes: number[] = [];
  for (let c = 0; c < 6; c++) {
    commit();
    sizes.push(walBytes(file));
  }
  expect(new Set(sizes.slice(1)).size).toBe(1);
  await thread.stop();
  expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(1 + 9 * rowsPerCommit);
  db.close();
}, 120_000);

it('leaves an in-memory database to its own connection', () => {
  const db = new Database(':memory:');
  expect(WalCheckpointer.start(db)).toBeNull();
  db.close();
});
