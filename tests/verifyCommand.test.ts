// `leaderpages verify`: help, usage errors, and a clean folder (drift and damage are in tests/faults).

import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const dir = mkdtempSync(join(tmpdir(), 'lp-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const lp = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });

it('prints its help on stdout, with its exit codes', () => {
  const help = lp(['verify', '--help']);
  expect(help.status).toBe(0);
  expect(help.stdout).toContain('Usage: leaderpages verify [--out DIR]');
  expect(help.stdout).toContain('Exit codes: 0 the folder matches its database, 1 it does not');
});

it.each([[['verify', '--out', 'nowhere']], [['verify', 'some/path']], [['verify', '--bogus']]])('%j exits 2 with nothing on stdout', (args) => {
  const run = lp(args);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain("Run 'leaderpages verify --help' for usage.");
});

it('a folder fresh from ingest verifies clean, and verify writes nothing', () => {
  mkdirSync(join(dir, 'raw'));
  cpSync(join(root, '..', 'shared', 'corpus', 'seed', 'bill-carr.txt'), join(dir, 'raw', 'bill-carr.txt'));
  expect([0, 1]).toContain(lp(['ingest', 'raw', '--out', 'out', '--quiet']).status);
  const snapshot = () =>
    readdirSync(join(dir, 'out'), { recursive: true, encoding: 'utf8' })
      // Any SQLite reader of a WAL database, read-only included, maps and touches its -shm index.
      .filter((f) => f !== 'leaders.db-shm')
      .sort()
      .map((f) => `${f} ${statSync(join(dir, 'out', f)).mtimeMs} ${statSync(join(dir, 'out', f)).size}`);
  const before = snapshot();
  const run = lp(['verify', '--out', 'out']);
  expect(snapshot()).toEqual(before);
  expect(run.status).toBe(0);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain('matches leaders.db');
});
