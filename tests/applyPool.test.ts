// A large batch applies what it learned (held theme runs split again, template text taken out) on
// ApplyPool threads while the main thread writes; a small one on the main thread. The outcomes must be
// the same: here both paths run over the same spilled outcomes of real generated pages. The built
// modules are used, since the pool starts its threads from dist/.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../scripts/syntheticCorpus.js';
import { defaultConfig } from '../dist/src/config/defaultConfig.js';
import { BatchLearning } from '../dist/src/ingest/BatchLearning.js';
import { FixedThemeLexicon } from '../dist/src/ingest/FixedThemeLexicon.js';
import { appliedOutcomes, type AppliedOutcome } from '../dist/src/ingest/appliedOutcomes.js';
import { parsePacked } from '../dist/src/ingest/parseSource.js';
import type { LearnedBatchData } from '../dist/src/ingest/LearnedBatch.js';

const dir = mkdtempSync(join(tmpdir(), 'lp-apply-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function applied(lines: string[], learned: LearnedBatchData, threads: number): Promise<AppliedOutcome[]> {
  const { severityOf: _severityOf, ...options } = defaultConfig;
  const out: AppliedOutcome[] = [];
  for await (const a of appliedOutcomes(lines, learned, { config: defaultConfig, options, threads, partial: false })) out.push(a);
  return out;
}

it('gives the same outcomes, in the same order, on threads as on the main thread', async () => {
  const { files } = writeSyntheticCorpus(join(dir, 'pages'), 300);
  const learning = new BatchLearning([], () => [], true);
  const lexicon = new FixedThemeLexicon(learning.startThemes);
  const lines = files.sort().map((file) => {
    const packed = parsePacked({ path: relative(dir, file), bytes: new Uint8Array(readFileSync(file)), sha256: '' }, defaultConfig, lexicon);
    learning.learn(packed);
    return packed.line;
  });
  const learned = learning.settle();
  // The batch taught something of both kinds, so both steps do real work.
  expect(learned.lexiconThemes?.length ?? 0).toBeGreaterThan(0);
  expect(learned.chrome.length).toBeGreaterThan(0);

  const inline = await applied(lines, learned, 0);
  const pooled = await applied(lines, learned, 2);
  expect(pooled.length).toBe(lines.length);
  expect(pooled).toEqual(inline);
  // And applying changed outcomes (held theme runs split again): not a pass-through on both sides.
  const changed = inline.filter((a, i) => JSON.stringify(a.outcome) !== lines[i]);
  expect(changed.length).toBeGreaterThan(lines.length / 10);
}, 120_000);

it('stops its threads when the reader stops early', async () => {
  const learning = new BatchLearning([], () => [], true);
  const learned = learning.settle();
  const line = JSON.stringify({ kind: 'unchanged', path: 'a.txt', sha256: 'x', bytes: 1 });
  const lines = Array.from({ length: 1000 }, () => line);
  let seen = 0;
  for await (const a of appliedOutcomes(lines, learned, { config: defaultConfig, options: (({ severityOf: _s, ...o }) => o)(defaultConfig), threads: 2, partial: false })) {
    expect(a.outcome.kind).toBe('unchanged');
    if (++seen === 10) break;
  }
  expect(seen).toBe(10);
});
