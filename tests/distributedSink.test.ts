// The PostgreSQL sink on a real server: its schema mirrors leaders.db's table for table, column for
// column; the duplicate-id rule gives the same owner whichever source's outcome is written first;
// a job whose bytes do not match their sha256 is never parsed and lands in the report with its rule.

import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config/defaultConfig.js';
import { redisConnection } from '../src/distributed/connectionUrls.js';
import { encodePageJob, decodePageJob, CorruptJobError, type PageJobData } from '../src/distributed/PageJob.js';
import { parseSource } from '../src/ingest/parseSource.js';
import { ThemeLexicon } from '../src/themes/ThemeLexicon.js';
import { openDatabase } from '../src/sinks/openDatabase.js';
import { openPostgres } from '../src/sinks/postgres/openPostgres.js';
import { pgMigrations } from '../src/sinks/postgres/pgMigrations.js';
import { PgRunStore } from '../src/sinks/postgres/PgRunStore.js';
import { writePageOutcome } from '../src/sinks/postgres/writePageOutcome.js';
import type { Services } from '../scripts/services/services.js';
import { corpusPage, freshSink, leaderpages, servicesForTests, sinkQuery, sleep, Workers } from './distributedHelpers.js';

const { services, skipReason } = servicesForTests();
const suite = services === null ? describe.skip : describe;
const slow = { timeout: 240_000 };
let dir: string;
const workers = new Workers();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'leaderpages-sink-'));
});

afterAll(async () => {
  await workers.stopAll();
  services?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function parsePage(path: string, file: string) {
  const bytes = readFileSync(file);
  const item = { path, bytes: new Uint8Array(bytes), sha256: createHash('sha256').update(bytes).digest('hex') };
  return parseSource(item, defaultConfig, new ThemeLexicon());
}

suite(`PostgreSQL sink${skipReason === null ? '' : ` — skipped: ${skipReason}`}`, () => {
  const s = services as Services;

  it('has the tables and columns of leaders.db, a tsvector column in place of FTS5', async () => {
    const sqlite = openDatabase(join(dir, 'mirror.db'));
    const sqliteColumns: Record<string, string[]> = {};
    const tables = sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'leaders_fts%'`).pluck().all() as string[];
    for (const table of tables) sqliteColumns[table] = (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).sort();
    sqlite.close();

    const sinkUrl = await freshSink(s);
    const pool = await openPostgres(sinkUrl);
    await pool.end();
    const rows = await sinkQuery<{ table_name: string; column_name: string }>(sinkUrl,
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'schema_version'`);
    const pgColumns: Record<string, string[]> = {};
    for (const r of rows) (pgColumns[r.table_name] ??= []).push(r.column_name);
    for (const list of Object.values(pgColumns)) list.sort();
    // export_stamps and sources.stat_stamp are the embedded writer's own bookkeeping of the files it
    // wrote and read; a sink writes no files, and a distributed producer hashes every source.
    const { export_stamps: _stamps, ...shared } = sqliteColumns;
    shared['sources'] = (shared['sources'] ?? []).filter((c) => c !== 'stat_stamp');
    expect(pgColumns).toEqual({ ...shared, leaders: [...(sqliteColumns['leaders'] ?? []), 'search'].sort() });
    expect(await sinkQuery(sinkUrl, 'SELECT version FROM schema_version')).toEqual([{ version: pgMigrations.length }]);
    expect(readFileSync(join(import.meta.dirname, '..', 'docs', 'data-contract.md'), 'utf8')).toContain(`## The PostgreSQL sink (sink schema version ${pgMigrations.length})`);
  }, slow.timeout);

  it('gives an id to the first path whichever outcome is written first, and again when written twice', async () => {
    const a = parsePage('a/bill-carr.md', corpusPage('clean-md', 'bill-carr.md'));
    const b = parsePage('b/bill-carr.html', corpusPage('site-html', 'bill-carr.html'));
    const c = parsePage('c/bill-carr.txt', corpusPage('inner-text', 'bill-carr.txt'));
    expect([a.kind, b.kind, c.kind]).toEqual(['parsed', 'parsed', 'parsed']);
    const states: unknown[] = [];
    // In path order (as the embedded run), backwards, a loser first, and every outcome delivered twice.
    for (const order of [[a, b, c], [c, b, a], [b, c, a], [b, c, a, c, b, a]]) {
      const sinkUrl = await freshSink(s);
      const pool = await openPostgres(sinkUrl);
      const store = (await PgRunStore.open(pool)) as PgRunStore;
      const run = await store.beginRun('now', 'test', {});
      for (const outcome of order) {
        await writePageOutcome(pool, outcome, { run, configSha256: 'c', provisional: false, severityOf: () => 'error' });
      }
      const report = [];
      for await (const entry of store.reportSources(run)) report.push(entry);
      // The indexed lists are one line each, as in leaders.db (a ts_headline of a hit has no newline).
      const lists = await sinkQuery(sinkUrl, `SELECT position(E'\\n' in concat(themes, principles, quotes)) AS newline, themes LIKE '% · %' AS joined FROM leaders`);
      states.push({ owner: await sinkQuery(sinkUrl, 'SELECT id, source_path FROM leaders'), report, lists });
      await store.close();
      await pool.end();
    }
    for (const state of states.slice(1)) expect(state).toEqual(states[0]);
    const naming = (winner: string) => expect.arrayContaining([expect.objectContaining({ rule: 'duplicate-id', message: expect.stringContaining(`already produced by ${winner},`) })]);
    expect(states[0]).toMatchObject({
      owner: [{ id: 'bill-carr', source_path: 'a/bill-carr.md' }],
      lists: [{ newline: 0, joined: true }],
      report: [
        { path: 'a/bill-carr.md', status: 'written', id: 'bill-carr' },
        { path: 'b/bill-carr.html', status: 'rejected', id: 'bill-carr', diagnostics: naming('a/bill-carr.md') },
        { path: 'c/bill-carr.txt', status: 'rejected', id: 'bill-carr', diagnostics: naming('a/bill-carr.md') },
      ],
    });
  }, slow.timeout);

  it('checks a job against its sha256: bytes that differ are never parsed, and are reported with queue-job-failed', async () => {
    const good = readFileSync(corpusPage('clean-md', 'annie-duke.md'));
    const job = encodePageJob({ path: 'p.md', bytes: new Uint8Array(good), sha256: createHash('sha256').update(good).digest('hex') }, 1, 'k');
    expect(Buffer.from(decodePageJob(job).bytes).equals(good)).toBe(true);
    const tampered: PageJobData = { ...encodePageJob({ path: 'p.md', bytes: new Uint8Array(Buffer.from('# Someone else')), sha256: 'x' }, 1, 'k'), sha256: job.sha256 };
    expect(() => decodePageJob(tampered)).toThrow(CorruptJobError);

    // Through the real producer and worker: one job's bytes swapped while it waits in Redis.
    const sinkUrl = await freshSink(s);
    const queue = new Queue<PageJobData>('corrupt', { connection: redisConnection(s.queueUrl) });
    try {
      const producing = leaderpages(dir, ['ingest', corpusPage('clean-md', 'annie-duke.md'), corpusPage('clean-md', 'bill-carr.md'), '--out', 'corrupt',
        '--queue', s.queueUrl, '--sink', sinkUrl, '--queue-name', 'corrupt']).done;
      while ((await queue.getWaitingCount()) < 2) await sleep(50);
      const [victim] = await queue.getWaiting(0, 0);
      await victim?.updateData({ ...victim.data, deflated: tampered.deflated });
      workers.start(dir, s.queueUrl, sinkUrl, 'corrupt');
      const run = await producing;
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/1 written, 0 unchanged, 1 rejected, .*\(2 jobs queued, 1 failed\)/);
      const report = JSON.parse(readFileSync(join(dir, 'corrupt', 'report.json'), 'utf8')) as { sources: { path: string; status: string; diagnostics: { rule: string; message: string }[] }[] };
      const failed = report.sources.find((e) => e.path === victim?.data.path);
      expect(failed?.status).toBe('rejected');
      expect(failed?.diagnostics.map((d) => d.rule)).toEqual(['queue-job-failed']);
      expect(failed?.diagnostics[0]?.message).toMatch(/hash to .* not the source's/);
      // Stored without the config fingerprint: the next run tries the page again.
      expect(await sinkQuery(sinkUrl, 'SELECT config_sha256 FROM sources WHERE path = $1', [victim?.data.path])).toEqual([{ config_sha256: null }]);
      expect(await queue.getJobCounts('failed', 'waiting', 'active')).toEqual({ failed: 0, waiting: 0, active: 0 });
    } finally {
      await queue.close();
    }
  }, slow.timeout);
});
