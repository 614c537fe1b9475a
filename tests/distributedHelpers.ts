// Shared by the distributed tests: real Redis and PostgreSQL (scripts/services), the real CLI as
// child processes (producer and workers), a corpus folder of real pages, and reads of the sink.

import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { startServices, servicesMissing, type Services } from '../scripts/services/services.js';

export const root = resolve(import.meta.dirname, '..');
export const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const corpus = resolve(root, '..', 'shared', 'corpus', 'dev');
const families = [['clean-md', 'md'], ['seed-text', 'txt'], ['inner-text', 'txt'], ['site-html', 'html'], ['turndown-md', 'md']] as const;

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The real CLI, asynchronously (workers must run beside it). */
export function leaderpages(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Run>((resolveRun) => child.on('close', (status) => resolveRun({ status, stdout, stderr })));
  return { child, done };
}

/** `count` pages, distinct leaders, every family in turn (seed-text and turndown-md pages run their themes together). */
export function writeCorpus(dir: string, count: number): string[] {
  const leaders = readdirSync(join(corpus, 'clean-md')).map((f) => f.replace(/\.md$/, '')).sort();
  const written: string[] = [];
  for (let i = 0; i < count && i < leaders.length; i++) {
    const [family, ext] = families[i % families.length] as (typeof families)[number];
    const name = `${leaders[i]}.${ext}`;
    mkdirSync(join(dir, family), { recursive: true });
    copyFileSync(join(corpus, family, name), join(dir, family, name));
    written.push(`${family}/${name}`);
  }
  return written;
}

export function corpusPage(family: string, file: string): string {
  return join(corpus, family, file);
}

/** Services for one test file, or the reason they cannot run here (printed, and the tests skipped). */
export function servicesForTests(): { services: Services | null; skipReason: string | null } {
  const missing = servicesMissing();
  if (missing !== null) {
    console.warn(`distributed tests skipped: ${missing}`);
    return { services: null, skipReason: missing };
  }
  return { services: startServices(), skipReason: null };
}

let databases = 0;

/** A new, empty database on the services' PostgreSQL; its URL. */
export async function freshSink(services: Services): Promise<string> {
  const name = `t${process.pid}_${++databases}`;
  const client = new pg.Client({ connectionString: services.sinkUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return services.sinkUrl.replace('/leaders?', `/${name}?`);
}

export async function sinkQuery<T extends pg.QueryResultRow>(sinkUrl: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: sinkUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

export const recordTables = ['leaders', 'archetypes', 'dimensions', 'themes', 'principles', 'quotes', 'sources', 'diagnostics'] as const;

export async function rowCounts(sinkUrl: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of recordTables) {
    const rows = await sinkQuery<{ n: string }>(sinkUrl, `SELECT count(*) AS n FROM ${table}`);
    counts[table] = Number(rows[0]?.n);
  }
  return counts;
}

/** Worker processes started by a test; `stopAll` ends them (SIGTERM, then SIGKILL) and returns their logs. */
export class Workers {
  private readonly running: { child: ChildProcess; done: Promise<Run> }[] = [];

  start(cwd: string, queueUrl: string, sinkUrl: string, queueName: string, ...extra: string[]): ChildProcess {
    const worker = leaderpages(cwd, ['worker', '--queue', queueUrl, '--sink', sinkUrl, '--queue-name', queueName, '--concurrency', '2', '--lock-ms', '1000', ...extra]);
    this.running.push(worker);
    return worker.child;
  }

  async stopAll(): Promise<Run[]> {
    const runs = this.running.splice(0);
    for (const { child } of runs) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => {
      for (const { child } of runs) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }, 15_000);
    try {
      return await Promise.all(runs.map((r) => r.done));
    } finally {
      clearTimeout(timer);
    }
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
