// Shared machinery of the fault-injection suite: a folder of real pages, the real CLI run as a
// process, and the checks made after every fault and re-run: the database is sound, no temp file or
// lock is left, and database, NDJSON, JSON files and report.json agree record for record with a
// clean run over the same sources.

import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { writeSyntheticCorpus } from '../../scripts/syntheticCorpus.js';

export const root = resolve(import.meta.dirname, '..', '..');
export const cli = join(root, 'dist', 'src', 'cli', 'main.js');

export interface Site {
  dir: string;
  /** Relative input folder, `pages`. */
  input: string;
  remove(): void;
}

export function makeSite(pages: number, prefix = 'lp-fault-'): Site {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeSyntheticCorpus(join(dir, 'pages'), pages);
  return { dir, input: 'pages', remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function lp(cwd: string, args: string[], timeout = 120_000): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout });
}

/** Start the CLI without waiting; resolves with the exit code (or the signal that ended it). */
export function lpAsync(cwd: string, args: string[]) {
  const child = spawn(process.execPath, [cli, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }>((resolveDone) =>
    child.on('close', (code, signal) => resolveDone({ code, signal, stderr, stdout })),
  );
  return { child, done, stderr: () => stderr };
}

export async function waitFor(condition: () => boolean, limitMs = 60_000): Promise<boolean> {
  for (let waited = 0; waited < limitMs; waited += 20) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return condition();
}

/** Every file under `dir` (relative paths), recursively. */
export function filesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

/** Temp files and locks a run must never leave behind. */
export function leftovers(outDir: string): string[] {
  return filesUnder(outDir).filter((f) => /(^|\/)\.[^/]*(\.tmp|\.tmp\.[a-z]+|\.lock|\.stale)$/.test(f));
}

export interface OutputState {
  leaders: { id: string; record: string; source_path: string }[];
  sources: { path: string; sha256: string | null; status: string; leader_id: string | null }[];
  children: Record<string, number>;
  ftsRows: number;
  ndjson: string;
  jsonFiles: Record<string, string>;
  report: { sources: unknown[]; missing: unknown[] };
}

/** The database's sound, then everything a consumer reads from the folder, normalised for comparison. */
export function readOutput(outDir: string): OutputState {
  const db = new Database(join(outDir, 'leaders.db'), { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const children: Record<string, number> = {};
    for (const table of ['dimensions', 'themes', 'principles', 'quotes', 'archetypes', 'diagnostics']) {
      children[table] = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    }
    const state = {
      leaders: db.prepare('SELECT id, record, source_path FROM leaders ORDER BY id').all() as OutputState['leaders'],
      // 'unchanged' and 'written' both mean "this source's record is stored"; which one depends on history.
      sources: (db.prepare('SELECT path, sha256, status, leader_id FROM sources ORDER BY path').all() as OutputState['sources']).map((s) => ({
        ...s,
        status: s.status === 'unchanged' ? 'written' : s.status,
      })),
      children,
      ftsRows: db.prepare('SELECT count(*) FROM leaders_fts').pluck().get() as number,
    };
    const jsonFiles: Record<string, string> = {};
    for (const name of readdirSync(join(outDir, 'leaders')).sort()) jsonFiles[name] = readFileSync(join(outDir, 'leaders', name), 'utf8');
    const report = JSON.parse(readFileSync(join(outDir, 'report.json'), 'utf8')) as { sources: { status: string; movedFrom?: string }[]; missing: unknown[] };
    return {
      ...state,
      ndjson: readFileSync(join(outDir, 'leaders.ndjson'), 'utf8'),
      jsonFiles,
      report: {
        // movedFrom says how this folder got here (a rename), which a clean run cannot know.
        sources: report.sources.map(({ movedFrom: _moved, ...s }) => ({ ...s, status: s.status === 'unchanged' ? 'written' : s.status })),
        missing: report.missing,
      },
    };
  } finally {
    db.close();
  }
}

let cleanRuns = 0;

/**
 * The checks after a fault and a re-run: sound, nothing left over, `verify` clean, and the same as a
 * clean run over the same inputs (into a fresh folder).
 */
export function expectHealed(
  site: Site,
  out: string,
  inputs: string[] = [site.input],
  extra: string[] = [],
  /** The clean run read a copy of the inputs in another folder: its path prefix, and ours. */
  copiedFrom?: { clean: string; ours: string },
  /** This run's report lists sources gone since the last run, which a clean run cannot know. */
  reportsGone = false,
): OutputState {
  const outDir = resolve(site.dir, out);
  expect(leftovers(outDir)).toEqual([]);
  const verify = lp(site.dir, ['verify', '--out', out]);
  expect(verify.stdout).toBe('');
  expect(verify.status).toBe(0);
  const cleanOut = `clean-${++cleanRuns}`;
  const clean = lp(site.dir, ['ingest', ...inputs, '--out', cleanOut, '--quiet', ...extra]);
  expect([0, 1]).toContain(clean.status);
  const got = readOutput(outDir);
  const cleanState = readOutput(join(site.dir, cleanOut));
  const want = (copiedFrom === undefined ? cleanState : JSON.parse(JSON.stringify(cleanState).replaceAll(copiedFrom.clean, copiedFrom.ours))) as OutputState;
  expect(got.leaders).toEqual(want.leaders);
  expect(got.sources).toEqual(want.sources);
  expect(got.children).toEqual(want.children);
  expect(got.ftsRows).toBe(want.leaders.length);
  expect(got.ndjson).toBe(want.ndjson);
  expect(got.jsonFiles).toEqual(want.jsonFiles);
  expect(got.report.sources).toEqual(want.report.sources);
  if (!reportsGone) expect(got.report.missing).toEqual(want.report.missing);
  expect(got.ndjson.split('\n').filter(Boolean).length).toBe(got.leaders.length);
  rmSync(join(site.dir, cleanOut), { recursive: true, force: true });
  return got;
}

export function sizeOf(dir: string): number {
  return filesUnder(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

/** Can this process mount a tmpfs (root in a privileged container)? */
export function canMount(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'lp-mount-probe-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
  if (mounted) spawnSync('umount', [probe]);
  rmSync(probe, { recursive: true, force: true });
  return mounted;
}
