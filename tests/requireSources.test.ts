// One rule for inputs that name no page, across parse, validate and ingest: a missing path, an empty
// folder or a glob that matches nothing is a usage error (exit 2, a message, nothing written).

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const page = resolve(root, '..', 'shared', 'corpus', 'seed', 'bill-carr.txt');

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'leaderpages-inputs-'));
  mkdirSync(join(dir, 'empty'));
  mkdirSync(join(dir, 'notes'));
  writeFileSync(join(dir, 'notes', 'readme.pdf'), '%PDF-1.4');
  mkdirSync(join(dir, 'pages'));
  copyFileSync(page, join(dir, 'pages', 'bill-carr.txt'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.each([['validate'], ['ingest']])('%s', (command) => {
  const out = command === 'ingest' ? ['--out', 'out'] : [];
  it.each([
    [['nope'], /no such file or folder: nope/],
    [['empty'], /no source files \(\.txt, \.md, \.markdown, \.html, \.htm\) in 'empty'/],
    [['notes'], /no source files .* in 'notes'/],
    [['pages/*.md'], /no source files .* in 'pages\/\*\.md'/],
    // One input that names nothing is enough, even beside one that names pages.
    [['pages', 'empty'], /no source files .* in 'empty'/],
  ])('%j: exit 2, nothing written', (inputs, message) => {
    const result = run(command, ...inputs, ...out);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('a folder with pages is fine', () => {
    const result = run(command, 'pages', ...out, ...(command === 'ingest' ? ['--quiet'] : []));
    expect(result.status).toBe(0);
    rmSync(join(dir, 'out'), { recursive: true, force: true });
  });
});

describe('parse', () => {
  it.each([
    [['nope.txt'], /no such file or folder: nope\.txt/],
    [['empty'], /empty is a folder/],
  ])('%j: exit 2, nothing on stdout', (inputs, message) => {
    const result = run('parse', ...inputs);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('a page that exists but is rejected prints null and exits 1', () => {
    writeFileSync(join(dir, 'blank.txt'), '');
    const result = run('parse', 'blank.txt');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('null\n');
    expect(result.stderr).toContain('empty-input');
  });
});
