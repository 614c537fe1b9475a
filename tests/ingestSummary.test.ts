// What ingest says when it ends: errors and warnings per rule, the first diagnostics (errors first),
// and why --max-warnings failed the run. The real CLI on real pages.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const corpus = resolve(root, '..', 'shared', 'corpus', 'dev');

let site: string;

function ingest(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, 'ingest', 'raw', '--out', 'out', ...args], { cwd: site, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  site = mkdtempSync(join(tmpdir(), 'leaderpages-summary-'));
  mkdirSync(join(site, 'raw'));
  // Two pages with a themes-inferred warning each, one clean page, and one page that is not a profile.
  copyFileSync(join(corpus, 'seed-text', 'bill-carr.txt'), join(site, 'raw', 'bill-carr.txt'));
  copyFileSync(join(corpus, 'seed-text', 'ami-vora.txt'), join(site, 'raw', 'ami-vora.txt'));
  copyFileSync(join(corpus, 'clean-md', 'annie-duke.md'), join(site, 'raw', 'annie-duke.md'));
  writeFileSync(join(site, 'raw', 'index.md'), '# All Leaders\n\n- Bill Carr\n- Annie Duke\n');
});

afterAll(() => {
  rmSync(site, { recursive: true, force: true });
});

describe('the end of an ingest on stderr', () => {
  it('counts errors and warnings per rule and lists the first diagnostics, errors first', () => {
    const run = ingest();
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ingest: 4 sources: 3 written, 0 unchanged, 1 rejected/);
    expect(lines).toContain('1 error (not-a-profile 1); 2 warnings (themes-inferred 2)');
    const listed = lines.filter((l) => /^raw\/\S+:\d+:\d+ {2}(error|warning) /.test(l));
    expect(listed).toHaveLength(3);
    expect(listed[0]).toMatch(/^raw\/index\.md:1:1 {2}error .*not-a-profile$/);
    expect(listed.slice(1).every((l) => l.includes('themes-inferred'))).toBe(true);
  });

  it('an unchanged re-run still reports the warnings its sources carry', () => {
    const run = ingest();
    expect(run.stderr).toMatch(/0 written, 3 unchanged, 1 rejected/);
    expect(run.stderr).toContain('2 warnings (themes-inferred 2)');
  });

  it('--show N lists at most N and says how many more there are', () => {
    const run = ingest('--show', '1');
    expect(run.stderr.split('\n').filter((l) => /^raw\//.test(l))).toHaveLength(1);
    expect(run.stderr).toContain('… and 2 more: see');
  });

  it('--max-warnings says why it failed', () => {
    rmSync(join(site, 'raw', 'index.md'));
    try {
      expect(ingest('--max-warnings', '2').status).toBe(0);
      const run = ingest('--max-warnings', '1');
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('leaderpages ingest: failed: 2 warnings, more than --max-warnings 1 allows.');
    } finally {
      writeFileSync(join(site, 'raw', 'index.md'), '# All Leaders\n\n- Bill Carr\n- Annie Duke\n');
    }
  });
});
