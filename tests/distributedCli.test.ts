// The distributed commands' usage errors and help, without any service: `worker` and `ingest --queue/--sink`
// say what is missing or wrong on one line, exit 2, and never print a password they were given.

import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { cli } from './distributedHelpers.js';

function leaderpages(args: string[], env: NodeJS.ProcessEnv = {}) {
  const clean = { ...process.env, LEADERPAGES_QUEUE_URL: '', LEADERPAGES_SINK_URL: '', ...env };
  return spawnSync(process.execPath, [cli, ...args], { cwd: tmpdir(), encoding: 'utf8', env: clean });
}

describe('distributed CLI', () => {
  it('worker --help says how to run it', () => {
    const run = leaderpages(['worker', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: leaderpages worker/);
    expect(run.stdout).toContain('LEADERPAGES_QUEUE_URL');
    expect(run.stderr).toBe('');
  });

  it('ingest --help lists the queue and sink flags', () => {
    const run = leaderpages(['ingest', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--queue URL');
    expect(run.stdout).toContain('--max-waiting N');
  });

  it.each([
    [['worker'], '--queue URL (or LEADERPAGES_QUEUE_URL) is needed'],
    [['worker', '--queue', 'redis://q'], '--sink URL (or LEADERPAGES_SINK_URL) is needed'],
    [['ingest', '.', '--queue', 'redis://q'], '--sink URL (or LEADERPAGES_SINK_URL) is needed'],
    [['ingest', '.', '--distributed'], '--queue URL (or LEADERPAGES_QUEUE_URL) is needed'],
    [['worker', '--queue', 'http://:pw-in-url@q', '--sink', 'postgres://db/x'], "--queue: expected a redis://, rediss:// or redis+unix:// URL, not http://:***@q"],
    [['worker', '--queue', 'redis://q', '--sink', 'postgres://db/x', '--queue-name', 'a:b'], "--queue-name: letters, digits"],
    [['worker', '--queue', 'redis://q', '--sink', 'postgres://db/x', '--lock-ms', '10'], '--lock-ms must be a whole number of 500 or more'],
    [['ingest', '.', '--queue', 'redis://q', '--sink', 'postgres://db/x', '--max-waiting', '0'], '--max-waiting must be a whole number of 1 or more'],
  ])('%j: exit 2, %s', (args, message) => {
    const run = leaderpages(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain('pw-in-url');
    expect(run.stdout).toBe('');
  });
});
