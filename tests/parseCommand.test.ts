// The real `leaderpages parse` command on real files: stdout, stderr and exit codes.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');

function run(args: string[], cwd = root): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('leaderpages parse', () => {
  it('prints the seed record as JSON; the inferred themes are flagged on stderr, located', () => {
    const { status, stdout, stderr } = run(['parse', '../shared/corpus/seed/bill-carr.txt']);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^\.\.\/shared\/corpus\/seed\/bill-carr\.txt:20:1 {2}warning {2}Key themes .* {2}themes-inferred$/)]);
    expect(status).toBe(0);
    const record = JSON.parse(stdout);
    expect(record.id).toBe('bill-carr');
    expect(record.dimensions).toHaveLength(6);
    expect(record.source).toMatchObject({ path: '../shared/corpus/seed/bill-carr.txt', format: 'text', bytes: 2706 });
  });

  it('rejects a page that is not a profile: null on stdout, a located diagnostic on stderr, exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leaderpages-parse-'));
    const file = join(dir, 'index.md');
    writeFileSync(file, '# All Leaders\n\n- Bill Carr\n- Annie Duke\n');
    const { status, stdout, stderr } = run(['parse', file]);
    expect(status).toBe(1);
    expect(stdout.trim()).toBe('null');
    expect(stderr).toContain(`${file}:1:1  error`);
    expect(stderr).toContain('not-a-profile');
  });

  it('a clean page prints nothing on stderr', () => {
    const { status, stderr } = run(['parse', '../shared/corpus/dev/inner-text/bill-carr.txt']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('--diagnostics wraps record and diagnostics', () => {
    const { stdout } = run(['parse', '../shared/corpus/dev/seed-text/bill-carr.txt', '--diagnostics']);
    const out = JSON.parse(stdout);
    expect(out.record.name).toBe('Bill Carr');
    expect(out.diagnostics.every((d: { line: number }) => d.line >= 1)).toBe(true);
  });

  it.each([
    [['parse'], 2, 'exactly one FILE'],
    [['parse', 'a', 'b'], 2, 'exactly one FILE'],
    [['parse', '--bogus', 'x'], 2, "unknown option '--bogus'"],
    [['parse', '--diagnostic', 'x'], 2, "Did you mean '--diagnostics'?"],
    [['nope'], 2, "unknown command 'nope'"],
    [['parse', 'does-not-exist.txt'], 2, 'no such file or folder: does-not-exist.txt'],
    [['parse', 'tests'], 2, 'tests is a folder'],
  ])('%j exits %i', (args, code, message) => {
    const { status, stdout, stderr } = run(args);
    expect(status).toBe(code);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  it('--help prints usage on stdout and exits 0', () => {
    const { status, stdout } = run(['parse', '--help']);
    expect(status).toBe(0);
    expect(stdout).toContain('Usage: leaderpages parse FILE');
  });
});
