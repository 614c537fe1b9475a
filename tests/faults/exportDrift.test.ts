// Fault 1: exports drift from the database. Files deleted, truncated, edited or added by hand, and the
// state a killed run leaves (JSON files of records it never committed), are found on the next run,
// rewritten from leaders.db, and named in the summary and report.json; `verify` sees them first.

import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { expectHealed, filesUnder, lp, makeSite, readOutput } from './faultSite.js';

const site = makeSite(30);
afterAll(() => site.remove());
const out = join(site.dir, 'out');

it('finds and repairs leaders/*.json and leaders.ndjson that were deleted, truncated, edited or added', () => {
  expect(lp(site.dir, ['ingest', 'pages', '--out', 'out', '--quiet']).status).toBe(0);
  const names = readdirSync(join(out, 'leaders')).sort();
  const [gone, cut, edited] = names as [string, string, string];
  rmSync(join(out, 'leaders', gone));
  truncateSync(join(out, 'leaders', cut), 40);
  writeFileSync(join(out, 'leaders', edited), readFileSync(join(out, 'leaders', edited), 'utf8').replace('"name": "', '"name": "X'));
  writeFileSync(join(out, 'leaders', 'someone-else.json'), '{}\n');
  truncateSync(join(out, 'leaders.ndjson'), 1000);

  const verify = lp(site.dir, ['verify', '--out', 'out']);
  expect(verify.status).toBe(1);
  expect(verify.stdout.split('\n').filter(Boolean).sort()).toEqual(
    [`leaders/${gone}\tmissing`, `leaders/${cut}\ttruncated`, `leaders/${edited}\tedited`, 'leaders/someone-else.json\tstray', 'leaders.ndjson\ttruncated'].sort(),
  );

  const rerun = lp(site.dir, ['ingest', 'pages', '--out', 'out']);
  expect(rerun.status).toBe(0);
  expect(rerun.stderr).toContain('30 unchanged');
  expect(rerun.stderr).toMatch(/5 exports did not match leaders\.db and were repaired/);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { exports: { file: string; kind: string; action: string }[] };
  expect(report.exports.map((e) => `${e.file} ${e.kind} ${e.action}`).sort()).toEqual(
    [
      `leaders/${gone} missing rewritten`,
      `leaders/${cut} truncated rewritten`,
      `leaders/${edited} edited rewritten`,
      'leaders/someone-else.json stray removed',
      'leaders.ndjson truncated rewritten',
    ].sort(),
  );
  expectHealed(site, 'out');

  // A clean folder: nothing to repair, and the report says so.
  expect(lp(site.dir, ['ingest', 'pages', '--out', 'out']).stderr).not.toContain('repaired');
  expect((JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { exports: unknown[] }).exports).toEqual([]);
});

it('undoes what a killed run left: JSON files of records the database never committed', () => {
  // A run over edited sources writes its JSON files before committing; simulate being killed right
  // there by taking that run's files and the old database.
  const ahead = join(site.dir, 'ahead');
  lp(site.dir, ['ingest', 'pages', '--out', 'out', '--quiet']);
  lp(site.dir, ['ingest', 'pages', '--out', 'ahead', '--quiet']);
  // Edited copies of the sources: the same leaders with another bio line.
  const pages = filesUnder(join(site.dir, 'pages')).sort();
  for (const page of pages.slice(0, 8)) {
    const text = readFileSync(join(site.dir, 'pages', page), 'utf8');
    writeFileSync(join(site.dir, 'pages', page + '.orig'), text);
    writeFileSync(join(site.dir, 'pages', page), text.replace(/(\b[a-z]+) /, '$1 really '));
  }
  expect([0, 1]).toContain(lp(site.dir, ['ingest', 'pages', '--out', 'ahead', '--quiet']).status);
  for (const page of pages.slice(0, 8)) {
    copyFileSync(join(site.dir, 'pages', page + '.orig'), join(site.dir, 'pages', page));
    rmSync(join(site.dir, 'pages', page + '.orig'));
  }
  let differing = 0;
  for (const name of readdirSync(join(ahead, 'leaders'))) {
    const mine = join(out, 'leaders', name);
    // A file the old database does not know (a renamed leader) is a stray now.
    if (!existsSync(mine) || readFileSync(join(ahead, 'leaders', name), 'utf8') !== readFileSync(mine, 'utf8')) differing++;
    copyFileSync(join(ahead, 'leaders', name), mine);
  }
  expect(differing).toBeGreaterThan(0);

  const rerun = lp(site.dir, ['ingest', 'pages', '--out', 'out']);
  expect(rerun.status).toBe(0);
  expect(rerun.stderr).toMatch(new RegExp(`${differing} exports? did not match leaders\\.db`));
  const state = expectHealed(site, 'out');
  expect(Object.keys(state.jsonFiles)).toHaveLength(30);
  expect(readOutput(out).leaders).toHaveLength(30);
});
