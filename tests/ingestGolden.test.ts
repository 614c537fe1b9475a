// The real `leaderpages ingest` must give these exact bytes: leaders.ndjson, and each source's status,
// id and diagnostics in report.json, on (1) every corpus page once under its own leader name (all five
// families in one batch, so run-together themes are split with what the other pages list) and (2) the
// shared corpus as it is (seed and dev: the same leaders in five shapes, so duplicate ids).
// It pins that speed work (one parse per page, batch learning, the writer) changes no output.
// UPDATE=1 regenerates the golden files (for a deliberate extraction change), never the corpus.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadTemplates, writeSyntheticCorpus } from '../scripts/syntheticCorpus.js';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const corpusRoot = resolve(root, '..', 'shared', 'corpus');
const golden = join(root, 'tests', 'fixtures', 'ingest-golden');
const work = mkdtempSync(join(tmpdir(), 'lp-golden-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Report {
  sources: { path: string; format: string | null; status: string; id: string | null; diagnostics: unknown[] }[];
}

function compare(name: string, actual: string): void {
  const file = join(golden, name);
  if (process.env['UPDATE'] === '1' || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

function ingest(cwd: string, out: string, ...inputs: string[]): void {
  const run = spawnSync(process.execPath, [cli, 'ingest', ...inputs, '--out', out, '--quiet'], { cwd, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).not.toBe(2);
}

function reportSources(out: string): string {
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
  return report.sources.map((s) => JSON.stringify(s)).join('\n') + '\n';
}

it('every corpus page once, each under its own name, gives the golden records and report entries', () => {
  const templates = loadTemplates();
  writeSyntheticCorpus(join(work, 'pages'), templates.length, templates);
  const out = join(work, 'unique-out');
  ingest(work, out, 'pages');
  compare('unique.ndjson', readFileSync(join(out, 'leaders.ndjson'), 'utf8'));
  compare('unique-report.ndjson', reportSources(out));
}, 180_000);

it('the shared corpus as it is gives the golden records and report entries', () => {
  const out = join(work, 'corpus-out');
  ingest(corpusRoot, out, 'seed', 'dev');
  compare('corpus.ndjson', readFileSync(join(out, 'leaders.ndjson'), 'utf8'));
  compare('corpus-report.ndjson', reportSources(out));
}, 180_000);
