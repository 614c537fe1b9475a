// What the real `leaderpages ingest` learns from a whole batch before writing it (issue 10 §2):
// a line that repeats outside any field on many pages is template text and is taken out of a field
// that holds it (learned-chrome, at the field's position), and pages resolving to one id are one
// duplicate-id cause naming every source. Single-page `parse` has no batch and keeps the text.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const corpus = resolve(root, '..', 'shared', 'corpus', 'dev');
const sites: string[] = [];
afterAll(() => {
  for (const site of sites) rmSync(site, { recursive: true, force: true });
});

interface ReportSource {
  path: string;
  status: string;
  id: string | null;
  diagnostics: { rule: string; severity: string; message: string; line: number; column: number; path?: string }[];
}

function site(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lp-batch-'));
  sites.push(dir);
  mkdirSync(join(dir, 'raw'));
  return dir;
}

function run(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function sources(dir: string): ReportSource[] {
  return (JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')) as { sources: ReportSource[] }).sources;
}

const leaders = ['annie-duke', 'ami-vora', 'andy-raskin', 'austin-hay', 'ben-williams'];
const glued = '— On the concentrated period of innovation at Amazon Want to know how you compare?';

describe('batch chrome learning', () => {
  it('takes a footer line glued into a quote context out of it, with learned-chrome at the context', () => {
    const dir = site();
    for (const leader of leaders) copyFileSync(join(corpus, 'inner-text', `${leader}.txt`), join(dir, 'raw', `${leader}.txt`));
    const page = readFileSync(join(corpus, 'inner-text', 'bill-carr.txt'), 'utf8');
    const broken = page.replace('— On the concentrated period of innovation at Amazon\nWant to know how you compare?', glued);
    expect(broken).not.toBe(page);
    writeFileSync(join(dir, 'raw', 'bill-carr.txt'), broken);
    const line = broken.split('\n').findIndex((l) => l.startsWith(glued)) + 1;

    // Alone, the page has no batch to learn from: the footer stays in the context.
    const alone = JSON.parse(run(dir, 'parse', 'raw/bill-carr.txt').stdout) as { quotes: { context: string | null }[] };
    expect(alone.quotes[2]?.context).toBe('On the concentrated period of innovation at Amazon Want to know how you compare?');

    expect(run(dir, 'ingest', 'raw', '--out', 'out', '--quiet').status).toBe(0);
    const record = JSON.parse(readFileSync(join(dir, 'out', 'leaders', 'bill-carr.json'), 'utf8')) as { quotes: { context: string | null }[] };
    const expected = JSON.parse(readFileSync(join(corpus, 'expected', 'inner-text', 'bill-carr.json'), 'utf8')) as { quotes: unknown[] };
    expect(record.quotes).toEqual(expected.quotes);
    const bill = sources(dir).find((s) => s.path === 'raw/bill-carr.txt');
    expect(bill?.diagnostics).toContainEqual(
      expect.objectContaining({ rule: 'learned-chrome', severity: 'warning', line, column: 1, path: 'quotes[2].context', message: expect.stringContaining('want to know how you compare?') }),
    );
    // The other pages, where the line stood on its own, are untouched.
    for (const leader of leaders) {
      const written = readFileSync(join(dir, 'out', 'leaders', `${leader}.json`), 'utf8');
      expect(JSON.parse(written)).toMatchObject(JSON.parse(readFileSync(join(corpus, 'expected', 'inner-text', `${leader}.json`), 'utf8')) as object);
    }
  }, 120_000);

  it('with learned-chrome off, takes the text out all the same (a rule never changes a record)', () => {
    const dir = site();
    for (const leader of leaders) copyFileSync(join(corpus, 'inner-text', `${leader}.txt`), join(dir, 'raw', `${leader}.txt`));
    const page = readFileSync(join(corpus, 'inner-text', 'bill-carr.txt'), 'utf8');
    writeFileSync(join(dir, 'raw', 'bill-carr.txt'), page.replace('— On the concentrated period of innovation at Amazon\nWant to know how you compare?', glued));
    writeFileSync(join(dir, 'config.mjs'), `export default { rules: { 'learned-chrome': 'off' } };\n`);
    const result = run(dir, 'ingest', 'raw', '--out', 'out', '--quiet', '--config', 'config.mjs');
    expect(result.stderr).toBe('');
    const record = JSON.parse(readFileSync(join(dir, 'out', 'leaders', 'bill-carr.json'), 'utf8')) as { quotes: { context: string | null }[] };
    expect(record.quotes[2]?.context).toBe('On the concentrated period of innovation at Amazon');
    expect(sources(dir).flatMap((s) => s.diagnostics).filter((d) => d.rule === 'learned-chrome')).toEqual([]);
  }, 120_000);
});

describe('duplicate ids in one batch', () => {
  it('names every source of the id in one message, on each source that loses it', () => {
    const dir = site();
    for (const name of ['a', 'b', 'c']) copyFileSync(join(corpus, 'clean-md', 'bill-carr.md'), join(dir, 'raw', `${name}.md`));
    expect(run(dir, 'ingest', 'raw', '--out', 'out', '--quiet').status).toBe(1);
    const report = sources(dir);
    expect(report.map((s) => [s.path, s.status])).toEqual([['raw/a.md', 'written'], ['raw/b.md', 'rejected'], ['raw/c.md', 'rejected']]);
    const message = '3 sources of this batch resolve to leader id "bill-carr": raw/a.md, raw/b.md, raw/c.md; only the first by path, raw/a.md, is kept.';
    for (const loser of report.slice(1)) expect(loser.diagnostics.filter((d) => d.rule === 'duplicate-id').map((d) => d.message)).toEqual([message]);
  }, 120_000);
});
