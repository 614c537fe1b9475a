// Lint a set of sources the way ingest judges them: the same single parse of each page, the same
// batch learning (key-theme lexicon, template lines, ids: BatchLearning), and the same duplicate-id rule
// (first by path wins). Only the database is left out: validate does not know what earlier ingest runs
// stored.

import type { PipelineConfig } from '../config/PipelineConfig.js';
import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import { BatchLearning } from '../ingest/BatchLearning.js';
import type { SourceRef } from '../ingest/discoverSources.js';
import { duplicateIdDiagnostic } from '../ingest/duplicateId.js';
import { FixedThemeLexicon } from '../ingest/FixedThemeLexicon.js';
import { LearnedBatch } from '../ingest/LearnedBatch.js';
import { learnedFrom, type ParseOutcome } from '../ingest/ParseJob.js';
import { parseSource } from '../ingest/parseSource.js';
import { readSourceFileSync } from '../read/readSourceFile.js';
import type { LintResult } from './LintResult.js';
import type { FieldSource } from '../pipeline/parseDocument.js';

function provenanceOf(outcome: ParseOutcome): Record<string, FieldSource> | undefined {
  if (outcome.kind === 'unchanged' || outcome.fields === undefined) return undefined;
  const out: Record<string, FieldSource> = {};
  for (const [path, [line, column, endLine, endColumn]] of Object.entries(outcome.fields)) out[path] = { line, column, endLine, endColumn };
  return out;
}

/** `sources` in path order (as discoverSources returns them); results come back in the same order. */
export function lintSources(sources: readonly SourceRef[], config: PipelineConfig, lexiconThemes: readonly string[] = []): LintResult[] {
  const learning = new BatchLearning(lexiconThemes, () => [], config.severityOf('themes-inferred') !== null);
  const lexicon = new FixedThemeLexicon(learning.startThemes);
  // Every page parsed once, learned from in path order as ingest's writer applies it.
  const outcomes = sources.map((source): ParseOutcome => {
    const read = readSourceFileSync(source.file, config);
    if (!read.ok) return { kind: 'rejected', path: source.path, sha256: null, bytes: null, format: null, diagnostics: [read.diagnostic] };
    const chrome: string[] = [];
    const outcome = parseSource({ path: source.path, bytes: read.bytes, sha256: '' }, config, lexicon, chrome);
    learning.learn(learnedFrom(outcome, chrome));
    return outcome;
  });
  const learned = new LearnedBatch(learning.settle());

  return sources.map((source, i) => {
    const parsed = outcomes[i]!;
    const outcome = learned.apply(parsed, config);
    const provenance = provenanceOf(parsed);
    const diagnostics = outcome.kind === 'unchanged' ? [] : outcome.diagnostics;
    const id = outcome.kind === 'parsed' ? outcome.record.id : null;
    const first = id === null ? undefined : learning.ids.sources(id)[0];
    let messages: Diagnostic[] = diagnostics;
    if (id !== null && first !== undefined && first !== source.path) {
      const duplicate = duplicateIdDiagnostic(config, id, first);
      messages = [...diagnostics, { ...duplicate, message: learning.ids.describe(id) ?? duplicate.message }];
    }
    return provenance === undefined ? { path: source.path, messages } : { path: source.path, messages, provenance };
  });
}
