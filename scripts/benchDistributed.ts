// `npm run bench -- --distributed [--docs N] [--keep]`: the distributed ingest on one machine, against
// real Redis and PostgreSQL (started and stopped here): docs/s with 1, 2 and 4 worker processes next
// to the embedded run on the same pages, the producer alone (read, sha256, zlib, enqueue), and where
// a page's time goes (parse time measured in the parser threads, from sources.parse_ms).

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import pg from 'pg';
import { redisConnection } from '../src/distributed/connectionUrls.js';
import { servicesMissing, startServices, type Services } from './services/services.js';
import { writeSyntheticCorpus } from './syntheticCorpus.js';

const cli = resolve(import.meta.dirname, '..', 'src', 'cli', 'main.js');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Row {
  label: string;
  seconds: number;
  note: string;
}

export async function benchDistributed(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      distributed: { type: 'boolean', default: true },
      docs: { type: 'string', default: '1000' },
      workers: { type: 'string', default: '1,2,4' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`Usage: npm run bench -- --distributed [--docs N] [--workers 1,2,4] [--keep]

Start Redis and PostgreSQL 15 in a temporary folder (unix sockets only), generate N pages (default
1000), and time on them: the embedded ingest (worker threads, SQLite); the producer alone (read,
sha256, zlib, enqueue, no worker); and a whole distributed ingest with 1, 2 and 4 worker processes
(one parser thread each). Prints docs/s and where a page's time goes.

  --docs N        how many pages to generate
  --workers LIST  worker process counts to try (default 1,2,4)
  --keep          keep the generated folder (its path is printed)
`);
    return 0;
  }
  const missing = servicesMissing();
  if (missing !== null) {
    process.stderr.write(`bench --distributed: ${missing}\n`);
    return 2;
  }
  const docs = Number(values.docs);
  const counts = values.workers.split(',').map(Number);
  const dir = mkdtempSync(join(tmpdir(), 'leaderpages-bench-distributed-'));
  const services = startServices();
  try {
    console.log(`Generating ${docs} pages in ${dir} … (${availableParallelism()} cores)`);
    writeSyntheticCorpus(join(dir, 'pages'), docs);
    const rows: Row[] = [];
    const embedded = timed(() => spawnSync(process.execPath, [cli, 'ingest', 'pages', '--out', 'embedded', '--quiet', '--force'], { cwd: dir }));
    rows.push({ label: 'embedded (threads, SQLite)', seconds: embedded, note: `${availableParallelism()} parser threads` });
    rows.push(await producerAlone(dir, services, docs));
    const parse: string[] = [];
    const workerLines: string[] = [];
    for (const n of counts) {
      const { seconds, parseMs, perPage } = await distributedRun(dir, services, n);
      rows.push({ label: `distributed, ${n} worker process${n === 1 ? '' : 'es'}`, seconds, note: 'one parser thread, two jobs in flight each' });
      parse.push(`${n}: ${(parseMs / docs).toFixed(1)} ms/page`);
      workerLines.push(...perPage.map((line, i) => `  ${n} processes, worker ${i + 1}: ${line}`));
    }
    console.log('');
    for (const row of rows) {
      console.log(`${row.label.padEnd(40)} ${row.seconds.toFixed(2).padStart(7)} s  ${(docs / row.seconds).toFixed(0).padStart(6)} docs/s  (${row.note})`);
    }
    console.log(`\nparse time in the parser threads (sources.parse_ms), by worker processes: ${parse.join(', ')}`);
    console.log(`where a worker's page time went (wall time per job; jobs overlap):\n${workerLines.join('\n')}`);
    if (values.keep) console.log(`kept ${dir}`);
    return 0;
  } finally {
    services.stop();
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}

function timed(body: () => unknown): number {
  const started = performance.now();
  body();
  return (performance.now() - started) / 1000;
}

let databases = 0;

async function freshSink(services: Services): Promise<string> {
  const name = `bench_${++databases}`;
  const client = new pg.Client({ connectionString: services.sinkUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return services.sinkUrl.replace('/leaders?', `/${name}?`);
}

function cliProcess(dir: string, args: string[]): { child: ChildProcess; exited: Promise<number | null>; stderr: () => string } {
  const child = spawn(process.execPath, [cli, ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return { child, exited: new Promise((r) => child.on('close', (code) => r(code))), stderr: () => stderr };
}

/** Until every job is in Redis, with no worker taking any: the producer's own rate (read, sha256, zlib, enqueue). */
async function producerAlone(dir: string, services: Services, docs: number): Promise<Row> {
  const sinkUrl = await freshSink(services);
  const queue = new Queue('bench-producer', { connection: redisConnection(services.queueUrl) });
  const started = performance.now();
  const producer = cliProcess(dir, ['ingest', 'pages', '--out', 'producer', '--queue', services.queueUrl, '--sink', sinkUrl, '--queue-name', 'bench-producer', '--max-waiting', String(docs)]);
  while ((await queue.getWaitingCount()) < docs) await sleep(20);
  const seconds = (performance.now() - started) / 1000;
  producer.child.kill('SIGKILL');
  await producer.exited;
  await queue.obliterate({ force: true });
  await queue.close();
  return { label: 'producer alone (no worker)', seconds, note: 'read + sha256 + zlib + enqueue, incl. start-up' };
}

async function distributedRun(dir: string, services: Services, workers: number): Promise<{ seconds: number; parseMs: number; perPage: string[] }> {
  const sinkUrl = await freshSink(services);
  const queueName = `bench-${workers}`;
  const running = Array.from({ length: workers }, () => cliProcess(dir, ['worker', '--queue', services.queueUrl, '--sink', sinkUrl, '--queue-name', queueName, '--concurrency', '1']));
  try {
    // Workers connect and migrate before the clock starts, as long-running workers would have.
    await sleep(1500);
    const seconds = timed(() =>
      spawnSync(process.execPath, [cli, 'ingest', 'pages', '--out', `distributed-${workers}`, '--quiet', '--force', '--queue', services.queueUrl, '--sink', sinkUrl, '--queue-name', queueName], { cwd: dir }),
    );
    const client = new pg.Client({ connectionString: sinkUrl });
    await client.connect();
    const { rows } = await client.query<{ ms: number | null }>('SELECT sum(parse_ms) AS ms FROM sources');
    await client.end();
    for (const w of running) w.child.kill('SIGTERM');
    await Promise.all(running.map((w) => w.exited));
    const perPage = running.map((w) => /per page: (.*)/.exec(w.stderr())?.[1] ?? '(no timing line)');
    return { seconds, parseMs: Number(rows[0]?.ms ?? 0), perPage };
  } finally {
    for (const w of running) if (w.child.exitCode === null) w.child.kill('SIGKILL');
  }
}
