// The distributed ingest against real Redis and PostgreSQL servers (started here, stopped in teardown):
// the real `leaderpages ingest --queue --sink` producer and `leaderpages worker` processes on real pages.
// Equivalence with the embedded run, duplicate delivery, a SIGKILLed worker, three workers with two
// sources of one id, an unchanged re-run, and passwords kept out of output.

import { readFileSync, mkdtempSync, rmSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { redisConnection } from '../src/distributed/connectionUrls.js';
import type { Services } from '../scripts/services/services.js';
import { corpusPage, freshSink, leaderpages, recordTables, rowCounts, servicesForTests, sinkQuery, sleep, Workers, writeCorpus, type Run } from './distributedHelpers.js';

const { services, skipReason } = servicesForTests();
const suite = services === null ? describe.skip : describe;
// Several real processes per test on a shared machine: generous, never asserted.
const slow = { timeout: 240_000 };

interface Report {
  run: { counts: Record<string, number>; options: Record<string, unknown> };
  sources: { path: string; status: string; id: string | null; diagnostics: { rule: string; message: string }[] }[];
}

let dir: string;
let queues = 0;
const workers = new Workers();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'leaderpages-distributed-'));
  writeCorpus(join(dir, 'pages'), 30);
});

afterEach(async () => {
  await workers.stopAll();
});

afterAll(() => {
  services?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function readReport(out: string): Report {
  return JSON.parse(readFileSync(join(dir, out, 'report.json'), 'utf8')) as Report;
}

async function embedded(out: string, inputs = ['pages']): Promise<Run> {
  const run = await leaderpages(dir, ['ingest', ...inputs, '--out', out, '--quiet']).done;
  expect(run.stderr).toBe('');
  return run;
}

function producer(s: Services, sinkUrl: string, queueName: string, out: string, inputs = ['pages']): Promise<Run> {
  return leaderpages(dir, ['ingest', ...inputs, '--out', out, '--queue', s.queueUrl, '--sink', sinkUrl, '--queue-name', queueName]).done;
}

function newQueueName(): string {
  return `q${++queues}`;
}

/** Wait until `count` jobs wait in the queue (the producer has enqueued them all, no worker runs yet). */
async function untilWaiting(queue: Queue, count: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if ((await queue.getWaitingCount()) >= count) return;
    await sleep(50);
  }
  throw new Error(`the producer never enqueued ${count} jobs`);
}

function sqliteCounts(out: string): Record<string, number> {
  const db = new Database(join(dir, out, 'leaders.db'), { readonly: true });
  try {
    return Object.fromEntries(recordTables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

suite(`distributed ingest (BullMQ on Redis, PostgreSQL sink)${skipReason === null ? '' : ` — skipped: ${skipReason}`}`, () => {
  const s = services as Services;

  it("gives the embedded run's records byte for byte, and the same report", slow, async () => {
    const sinkUrl = await freshSink(s);
    const queueName = newQueueName();
    await embedded('embedded');
    workers.start(dir, s.queueUrl, sinkUrl, queueName);
    workers.start(dir, s.queueUrl, sinkUrl, queueName);
    const run = await producer(s, sinkUrl, queueName, 'distributed');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/ingest: 30 sources: 30 written, 0 unchanged, 0 rejected, 0 missing .*\(\d+ jobs queued\)/);
    // One job per page, and one more per page whose theme split was inferred (the theme pass).
    const inferred = readReport('embedded').sources.filter((e) => e.diagnostics.some((d) => d.rule === 'themes-inferred')).length;
    expect(Number(/\((\d+) jobs queued\)/.exec(run.stderr)?.[1])).toBe(30 + inferred);

    const ndjson = readFileSync(join(dir, 'distributed', 'leaders.ndjson'), 'utf8');
    expect(ndjson.split('\n').filter(Boolean)).toHaveLength(30);
    expect(ndjson).toBe(readFileSync(join(dir, 'embedded', 'leaders.ndjson'), 'utf8'));
    expect(readReport('distributed').sources).toEqual(readReport('embedded').sources);
    // Some pages had their run-together themes split by inference: the theme pass ran over them.
    expect(readReport('distributed').sources.some((e) => e.diagnostics.some((d) => d.rule === 'themes-inferred'))).toBe(true);
    expect(await rowCounts(sinkUrl)).toEqual(sqliteCounts('embedded'));
    // A leader's JSON file is the same too.
    const id = JSON.parse(ndjson.split('\n')[0] as string).id as string;
    expect(readFileSync(join(dir, 'distributed', 'leaders', `${id}.json`), 'utf8')).toBe(readFileSync(join(dir, 'embedded', 'leaders', `${id}.json`), 'utf8'));
    // The tsvector column stands in for FTS5.
    const hits = await sinkQuery<{ id: string }>(sinkUrl, `SELECT id FROM leaders WHERE search @@ plainto_tsquery('simple', $1)`, [JSON.parse(ndjson.split('\n')[0] as string).name]);
    expect(hits.map((h) => h.id)).toContain(id);
  });

  it('changes nothing when every job is enqueued twice and processed twice', slow, async () => {
    const sinkUrl = await freshSink(s);
    const queueName = newQueueName();
    const queue = new Queue(queueName, { connection: redisConnection(s.queueUrl) });
    try {
      const producing = producer(s, sinkUrl, queueName, 'twice');
      await untilWaiting(queue, 30);
      const jobs = await queue.getWaiting(0, -1);
      expect(jobs).toHaveLength(30);
      // The same id again is a no-op; a second id is a second delivery of the same work.
      for (const job of jobs) {
        await queue.add(job.name, job.data, { jobId: job.id as string, removeOnComplete: true });
        await queue.add(job.name, job.data, { jobId: `${job.id as string}-again`, removeOnComplete: true });
      }
      expect(await queue.getWaitingCount()).toBe(60);
      workers.start(dir, s.queueUrl, sinkUrl, queueName);
      workers.start(dir, s.queueUrl, sinkUrl, queueName);
      const run = await producing;
      expect(run.status, run.stderr).toBe(0);
      const logs = await workers.stopAll();
      const processed = logs.map((l) => /stopped: (\d+) written, (\d+) rejected, (\d+) failed/.exec(l.stderr)).reduce((n, m) => n + Number(m?.[1]) + Number(m?.[2]), 0);
      expect(processed).toBeGreaterThanOrEqual(60);
      await embedded('once');
      expect(readFileSync(join(dir, 'twice', 'leaders.ndjson'), 'utf8')).toBe(readFileSync(join(dir, 'once', 'leaders.ndjson'), 'utf8'));
      expect(await rowCounts(sinkUrl)).toEqual(sqliteCounts('once'));
      expect(readReport('twice').sources).toEqual(readReport('once').sources);
    } finally {
      await queue.close();
    }
  });

  it('writes every page exactly once when a worker is SIGKILLed holding jobs', slow, async () => {
    const sinkUrl = await freshSink(s);
    const queueName = newQueueName();
    const queue = new Queue(queueName, { connection: redisConnection(s.queueUrl) });
    try {
      const producing = producer(s, sinkUrl, queueName, 'killed');
      await untilWaiting(queue, 30);
      const victim = workers.start(dir, s.queueUrl, sinkUrl, queueName, '--concurrency', '4');
      let held: string[] = [];
      for (let i = 0; i < 2000 && held.length === 0; i++) {
        held = (await queue.getActive()).map((j) => j.id as string);
        if (held.length === 0) await sleep(5);
      }
      victim.kill('SIGKILL');
      expect(held.length).toBeGreaterThan(0);
      workers.start(dir, s.queueUrl, sinkUrl, queueName);
      workers.start(dir, s.queueUrl, sinkUrl, queueName);
      const run = await producing;
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/30 written/);
      await embedded('unkilled');
      expect(readFileSync(join(dir, 'killed', 'leaders.ndjson'), 'utf8')).toBe(readFileSync(join(dir, 'unkilled', 'leaders.ndjson'), 'utf8'));
      expect(await rowCounts(sinkUrl)).toEqual(sqliteCounts('unkilled'));
      // The jobs it held were taken over: no job is left, none failed.
      expect(await queue.getJobCounts('waiting', 'active', 'failed', 'delayed')).toEqual({ waiting: 0, active: 0, failed: 0, delayed: 0 });
    } finally {
      await queue.close();
    }
  });

  it('gives an id to the first source by path, whichever of three workers finishes first', slow, async () => {
    const sinkUrl = await freshSink(s);
    const queueName = newQueueName();
    mkdirSync(join(dir, 'dup', 'a'), { recursive: true });
    mkdirSync(join(dir, 'dup', 'b'), { recursive: true });
    copyFileSync(corpusPage('site-html', 'bill-carr.html'), join(dir, 'dup', 'b', 'bill-carr.html'));
    copyFileSync(corpusPage('clean-md', 'bill-carr.md'), join(dir, 'dup', 'a', 'bill-carr.md'));
    for (let i = 0; i < 3; i++) workers.start(dir, s.queueUrl, sinkUrl, queueName);
    const run = await producer(s, sinkUrl, queueName, 'dup-distributed', ['pages', 'dup']);
    expect(run.status).toBe(1);
    await embedded('dup-embedded', ['pages', 'dup']);
    const report = readReport('dup-distributed');
    expect(report.sources).toEqual(readReport('dup-embedded').sources);
    const loser = report.sources.find((e) => e.path === 'dup/b/bill-carr.html');
    expect(loser?.status).toBe('rejected');
    expect(loser?.diagnostics.map((d) => d.message)).toContain('3 sources of this batch resolve to leader id "bill-carr": dup/a/bill-carr.md, dup/b/bill-carr.html, pages/site-html/bill-carr.html; only the first by path, dup/a/bill-carr.md, is kept.');
    const owner = await sinkQuery<{ source_path: string }>(sinkUrl, `SELECT source_path FROM leaders WHERE id = 'bill-carr'`);
    expect(owner).toEqual([{ source_path: 'dup/a/bill-carr.md' }]);
    expect(readFileSync(join(dir, 'dup-distributed', 'leaders.ndjson'), 'utf8')).toBe(readFileSync(join(dir, 'dup-embedded', 'leaders.ndjson'), 'utf8'));
  });

  it('enqueues nothing on an unchanged re-run', slow, async () => {
    const sinkUrl = await freshSink(s);
    const queueName = newQueueName();
    workers.start(dir, s.queueUrl, sinkUrl, queueName);
    const first = await producer(s, sinkUrl, queueName, 'again');
    expect(first.status, first.stderr).toBe(0);
    const client = new Redis(redisConnection(s.queueUrl));
    try {
      const added = async (): Promise<number> => {
        const entries = (await client.xrange(`bull:${queueName}:events`, '-', '+')) as [string, string[]][];
        return entries.filter(([, fields]) => fields[0] === 'event' && fields[1] === 'added').length;
      };
      const before = await added();
      expect(before).toBeGreaterThanOrEqual(30);
      const second = await producer(s, sinkUrl, queueName, 'again');
      expect(second.status, second.stderr).toBe(0);
      expect(second.stderr).toMatch(/30 sources: 0 written, 30 unchanged, 0 rejected, 0 missing .*\(0 jobs queued\)/);
      expect(await added()).toBe(before);
      expect(readReport('again').run.counts).toMatchObject({ sources: 30, unchanged: 30, written: 0 });
    } finally {
      client.disconnect();
    }
  });

  it('keeps passwords in URLs out of output, the report and errors', slow, async () => {
    const secret = 'Sup3r-Secret-pw';
    // Trust authentication ignores the password, so this run succeeds with it in the URL.
    const sinkUrl = (await freshSink(s)).replace('postgres://postgres@', `postgres://postgres:${secret}@`);
    const queueName = newQueueName();
    workers.start(dir, s.queueUrl, sinkUrl, queueName);
    const run = await producer(s, sinkUrl, queueName, 'secret', ['pages/clean-md']);
    expect(run.status, run.stderr).toBe(0);
    const report = readFileSync(join(dir, 'secret', 'report.json'), 'utf8');
    expect(report).not.toContain(secret);
    expect((JSON.parse(report) as Report).run.options['sink']).toContain('postgres:***@');
    const stored = await sinkQuery<{ options: string }>(sinkUrl, 'SELECT options FROM runs');
    expect(stored.map((r) => r.options).join('\n')).not.toContain(secret);
    const logs = await workers.stopAll();
    for (const log of logs) expect(log.stderr + log.stdout).not.toContain(secret);

    // A role that does not exist: the error is printed, the password is not.
    const badSink = sinkUrl.replace(`postgres:${secret}@`, `nobody:${secret}@`);
    const failed = await leaderpages(dir, ['ingest', 'pages/clean-md', '--out', 'secret-bad', '--queue', s.queueUrl, '--sink', badSink, '--queue-name', queueName]).done;
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toMatch(/nobody/);
    expect(failed.stderr + failed.stdout).not.toContain(secret);
    const worker = await leaderpages(dir, ['worker', '--queue', s.queueUrl, '--queue-name', queueName], { LEADERPAGES_SINK_URL: badSink }).done;
    expect(worker.status).not.toBe(0);
    expect(worker.stderr + worker.stdout).not.toContain(secret);
  });
});
