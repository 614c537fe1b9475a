// --prune touches only sources under the roots of this run: an ingest given a narrower path than last
// time neither reports the others missing nor deletes their leaders.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const corpus = resolve(root, '..', 'shared', 'corpus', 'dev');

let site: string;

function ingest(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, 'ingest', ...args, '--out', 'out', '--quiet'], { cwd: site, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

const ids = () => readFileSync(join(site, 'out', 'leaders.ndjson'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
const report = () => JSON.parse(readFileSync(join(site, 'out', 'report.json'), 'utf8')) as { run: { counts: { missing: number; pruned: number } }; missing: { path: string }[] };

beforeAll(() => {
  site = mkdtempSync(join(tmpdir(), 'leaderpages-roots-'));
  mkdirSync(join(site, 'raw', 'a'), { recursive: true });
  mkdirSync(join(site, 'raw', 'b'), { recursive: true });
  copyFileSync(join(corpus, 'clean-md', 'bill-carr.md'), join(site, 'raw', 'a', 'bill-carr.md'));
  copyFileSync(join(corpus, 'clean-md', 'annie-duke.md'), join(site, 'raw', 'a', 'annie-duke.md'));
  copyFileSync(join(corpus, 'seed-text', 'ami-vora.txt'), join(site, 'raw', 'b', 'ami-vora.txt'));
});

afterAll(() => {
  rmSync(site, { recursive: true, force: true });
});

describe('ingest --prune with a narrower path than last time', () => {
  it('keeps the leaders of sources outside this run, and does not call them missing', () => {
    expect(ingest('raw').status).toBe(0);
    expect(ids()).toEqual(['ami-vora', 'annie-duke', 'bill-carr']);
    expect(ingest('raw/a', '--prune').status).toBe(0);
    expect(ids()).toEqual(['ami-vora', 'annie-duke', 'bill-carr']);
    expect(report().run.counts).toMatchObject({ missing: 0, pruned: 0 });
  });

  it('still prunes a source that is gone from under this run\'s roots', () => {
    rmSync(join(site, 'raw', 'a', 'annie-duke.md'));
    expect(ingest('raw/a', '--prune').status).toBe(0);
    expect(ids()).toEqual(['ami-vora', 'bill-carr']);
    expect(report().missing.map((m) => m.path)).toEqual(['raw/a/annie-duke.md']);
  });

  it('a glob\'s root is the folder before its pattern', () => {
    expect(ingest('raw/b/*.txt', '--prune').status).toBe(0);
    expect(ids()).toEqual(['ami-vora', 'bill-carr']);
  });
});

describe('ingest from another working folder', () => {
  const run = (cwd: string, ...args: string[]) => {
    const result = spawnSync(process.execPath, [cli, 'ingest', ...args], { cwd, encoding: 'utf8' });
    return { status: result.status, stderr: result.stderr };
  };
  const sources = () =>
    (JSON.parse(readFileSync(join(site, 'out', 'report.json'), 'utf8')) as { sources: { path: string; status: string }[] }).sources.map((s) => [s.path, s.status]);

  it('keys the same files by the same paths: nothing is new, nothing is missing, prune keeps the rest', () => {
    expect(ingest('raw').status).toBe(0);
    const elsewhere = join(site, 'elsewhere');
    mkdirSync(elsewhere, { recursive: true });
    // The same folder, named relative to another working folder, then by its absolute path.
    for (const input of ['../raw', join(site, 'raw')]) {
      const again = run(elsewhere, input, '--out', '../out', '--prune', '--quiet');
      expect(again.status, again.stderr).toBe(0);
      expect(sources()).toEqual([
        ['raw/a/bill-carr.md', 'unchanged'],
        ['raw/b/ami-vora.txt', 'unchanged'],
      ]);
      expect(report().run.counts).toMatchObject({ missing: 0, pruned: 0 });
    }
    // A narrower path from there prunes nothing outside it.
    expect(run(elsewhere, '../raw/b', '--out', join(site, 'out'), '--prune', '--quiet').status).toBe(0);
    expect(ids()).toEqual(['ami-vora', 'bill-carr']);
  });

  it('keys a source outside the folder the first run started in by its absolute path', () => {
    const outside = mkdtempSync(join(tmpdir(), 'leaderpages-outside-'));
    try {
      copyFileSync(join(corpus, 'clean-md', 'annie-duke.md'), join(outside, 'annie-duke.md'));
      expect(run(site, join(outside, 'annie-duke.md'), '--out', 'out', '--quiet').status).toBe(0);
      expect(sources()).toContainEqual([join(outside, 'annie-duke.md'), 'written']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
