// Fault 6: Ctrl-C / SIGTERM mid-run. The first signal finishes the pages in flight, commits, writes
// exports that match the database and a report marked interrupted, and exits 130 (SIGINT) or 143
// (SIGTERM); a second signal stops at once, leaving a sound database and no temp files. The next run
// completes the job, the same as a clean run.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { expectHealed, leftovers, lp, lpAsync, makeSite, waitFor } from './faultSite.js';

// Enough pages that the writer is still busy when the tenth record's file appears (below the 512 parsed
// pages from which an apply thread would join in).
const total = 400;
const site = makeSite(total);
afterAll(() => site.remove());

const jsonCount = (out: string): number => {
  try {
    return readdirSync(join(out, 'leaders')).filter((f) => f.endsWith('.json')).length;
  } catch {
    return 0;
  }
};

async function startAndSignal(out: string, signals: NodeJS.Signals[]) {
  const outDir = join(site.dir, out);
  // One parser thread: the run lasts long enough to be caught mid-way on any machine.
  const run = lpAsync(site.dir, ['ingest', 'pages', '--out', out, '--concurrency', '1']);
  // Mid-run: some records already written, the run still going.
  expect(await waitFor(() => jsonCount(outDir) >= 10 || run.child.exitCode !== null, 120_000)).toBe(true);
  expect(run.child.exitCode).toBeNull();
  for (const signal of signals) run.child.kill(signal);
  return { result: await run.done, outDir };
}

it.each([
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)('the first %s stops after the pages in flight, with consistent output; a re-run completes it', async (signal, code) => {
  const out = `out-${signal}`;
  const { result, outDir } = await startAndSignal(out, [signal]);
  expect(result.code).toBe(code);
  expect(result.stderr).toContain(`${signal}: finishing the pages in flight, then stopping`);
  expect(result.stderr).toMatch(new RegExp(`interrupted by ${signal} after \\d+ of ${total} sources; the output is consistent, run again to finish\\.`));
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(leftovers(outDir)).toEqual([]);

  const report = JSON.parse(readFileSync(join(outDir, 'report.json'), 'utf8')) as { run: { interrupted?: boolean; counts: { sources: number; missing: number } } };
  expect(report.run.interrupted).toBe(true);
  expect(report.run.counts.sources).toBeGreaterThan(0);
  expect(report.run.counts.sources).toBeLessThan(total);
  expect(report.run.counts.missing).toBe(0);
  // What was done is committed, and the exports say exactly that.
  const db = new Database(join(outDir, 'leaders.db'), { readonly: true });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.prepare('SELECT count(*) FROM sources').pluck().get()).toBe(report.run.counts.sources);
  expect(db.prepare('SELECT finished_at IS NOT NULL FROM runs ORDER BY id DESC LIMIT 1').pluck().get()).toBe(1);
  db.close();
  expect(lp(site.dir, ['verify', '--out', out]).status).toBe(0);

  const rerun = lp(site.dir, ['ingest', 'pages', '--out', out, '--quiet']);
  expect(rerun.status).toBe(0);
  expectHealed(site, out);
});

it('a second SIGINT stops at once: sound database, no temp files, no lock; a re-run completes it', async () => {
  const out = 'out-twice';
  const { result, outDir } = await startAndSignal(out, ['SIGINT', 'SIGINT']);
  expect(result.code).toBe(130);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(leftovers(outDir)).toEqual([]);
  expect(existsSync(join(outDir, '.leaderpages.lock'))).toBe(false);
  const db = new Database(join(outDir, 'leaders.db'), { readonly: true });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  db.close();

  const rerun = lp(site.dir, ['ingest', 'pages', '--out', out]);
  expect(rerun.status).toBe(0);
  expectHealed(site, out);
});
