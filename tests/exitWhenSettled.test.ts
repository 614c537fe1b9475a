// A command left waiting on nothing must not end the process with exit 0 (see src/cli/exitWhenSettled.ts).
// Real processes: each case runs in a child Node with the built module.

import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';

const module = pathToFileURL(resolve(import.meta.dirname, '..', 'dist', 'src', 'cli', 'exitWhenSettled.js')).href;

function run(promise: string): { status: number | null; stderr: string } {
  const script = `import { exitWhenSettled } from ${JSON.stringify(module)};\nexitWhenSettled(${promise}, process.stderr);\n`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return { status: child.status, stderr: child.stderr };
}

it('exits 70 with a line when the command waits on a handle that no longer keeps the process alive', () => {
  // An unreferenced timer stands for a thread unreferenced while it runs: Node would exit 0 here.
  const result = run('new Promise((resolve) => setTimeout(() => resolve(0), 60_000).unref())');
  expect(result.status).toBe(70);
  expect(result.stderr).toContain('the command stopped before it finished');
});

it("exits with the command's code once it settles", () => {
  expect(run('new Promise((resolve) => setTimeout(() => resolve(3), 50))')).toEqual({ status: 3, stderr: '' });
  expect(run('Promise.resolve(0)')).toEqual({ status: 0, stderr: '' });
});

it('exits 70 with the error when the command fails unexpectedly', () => {
  const result = run("Promise.reject(new Error('boom'))");
  expect(result.status).toBe(70);
  expect(result.stderr).toContain('internal error: Error: boom');
});
