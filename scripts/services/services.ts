// Start and stop real Redis and PostgreSQL 15 servers for the distributed tests and bench: each in its
// own temporary folder, reachable only through a unix socket there (no TCP port is opened).
// Redis runs as the current user; PostgreSQL as `postgres` (via runuser when we are root).

import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const pgBin = '/usr/lib/postgresql/15/bin';

export interface Services {
  dir: string;
  /** `redis+unix://…/redis.sock`, for --queue. */
  queueUrl: string;
  /** `postgres://postgres@/leaders?host=…`, for --sink. */
  sinkUrl: string;
  stop(): void;
}

/** Why the services cannot start here (a binary is missing), or null when they can. */
export function servicesMissing(): string | null {
  if (spawnSync('redis-server', ['--version']).error !== undefined) return 'redis-server is not installed';
  if (!existsSync(join(pgBin, 'initdb'))) return `PostgreSQL 15 is not installed (${pgBin}/initdb)`;
  if (process.getuid?.() === 0 && spawnSync('id', ['postgres']).status !== 0) return 'there is no postgres user to run PostgreSQL as';
  return null;
}

function asPostgres(command: string, args: string[]): string[] {
  return process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', command, ...args] : [command, ...args];
}

function run(argv: string[]): string {
  const [command, ...args] = argv as [string, ...string[]];
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function startRedis(dir: string): () => void {
  const socket = join(dir, 'redis.sock');
  const pidFile = join(dir, 'redis.pid');
  run(['redis-server', '--port', '0', '--unixsocket', socket, '--unixsocketperm', '700', '--save', '', '--appendonly', 'no',
    '--daemonize', 'yes', '--pidfile', pidFile, '--dir', dir, '--logfile', join(dir, 'redis.log')]);
  for (let i = 0; i < 200 && !existsSync(socket); i++) spawnSync('sleep', ['0.05']);
  if (!existsSync(socket)) throw new Error(`redis-server did not open ${socket}`);
  return () => {
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : NaN;
    if (!Number.isInteger(pid)) return;
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      return;
    }
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(pid, 0);
      } catch {
        return;
      }
      spawnSync('sleep', ['0.05']);
    }
  };
}

function startPostgres(dir: string): () => void {
  const data = join(dir, 'pg');
  const root = process.getuid?.() === 0;
  if (root) {
    const uid = Number(run(['id', '-u', 'postgres']).trim());
    const gid = Number(run(['id', '-g', 'postgres']).trim());
    chownSync(dir, uid, gid);
  }
  run(asPostgres(join(pgBin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C']));
  run(asPostgres(join(pgBin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'pg.log'), '-o', `-c listen_addresses='' -k ${dir} -c fsync=off -c max_connections=100`, '-w', 'start']));
  run(asPostgres(join(pgBin, 'createdb'), ['-h', dir, '-U', 'postgres', 'leaders']));
  return () => {
    const [command, ...args] = asPostgres(join(pgBin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']) as [string, ...string[]];
    spawnSync(command, args, { stdio: 'ignore' });
  };
}

/** Start both servers in a new temporary folder; `stop()` stops them and removes the folder. */
export function startServices(): Services {
  const dir = mkdtempSync(join(tmpdir(), 'leaderpages-services-'));
  const stops: (() => void)[] = [];
  const stop = (): void => {
    for (const s of stops.splice(0).reverse()) {
      try {
        s();
      } catch {
        // keep stopping the others
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    stops.push(startRedis(dir));
    stops.push(startPostgres(dir));
  } catch (error) {
    stop();
    throw error;
  }
  return { dir, queueUrl: `redis+unix://${join(dir, 'redis.sock')}`, sinkUrl: `postgres://postgres@/leaders?host=${encodeURIComponent(dir)}`, stop };
}
