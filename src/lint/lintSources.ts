// Lint a set of sources the way ingest judges them: the same parse, the same batch learning of key
// themes (a second pass over pages whose themes were inferred, with the themes the batch listed with
// separators), and the same duplicate-id rule (first by path wins). Only the database is left out:
// validate does not know what earlier ingest runs stored.

import type { PipelineConfig } from '../config/PipelineConfig.js';
import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import { BatchLearning } from '../ingest/BatchLearning.js';
import type { SourceRef } from '../ingest/discoverSources.js';
import { duplicateIdDiagnostic, IdClaims } from '../ingest/duplicateId.js';
import { FixedThemeLexicon } from '../ingest/FixedThemeLexicon.js';
import { parseDocument } from '../pipeline/parseDocument.js';
import { readSourceFileSync } from '../read/readSourceFile.js';
import type { LintResult } from './LintResult.js';
import type { FieldSource } from '../pipeline/parseDocument.js';

/** What is kept of a parse: the id and the messages (not the record, so memory stays small). */
interface Checked {
  id: string | null;
  provenance?: Record<string, FieldSource>;
  themes: readonly string[];
  diagnostics: Diagnostic[];
}

function parseSource(source: SourceRef, config: PipelineConfig, lexicon: FixedThemeLexicon): Checked {
  const read = readSourceFileSync(source.file, config);
  if (!read.ok) return { id: null, themes: [], diagnostics: [read.diagnostic] };
  const { record, diagnostics, provenance } = parseDocument({ path: source.path, bytes: read.bytes, config, lexicon });
  return { id: record?.id ?? null, themes: record?.themes ?? [], diagnostics, provenance };
}

/** `sources` in path order (as discoverSources returns them); results come back in the same order. */
export function lintSources(sources: readonly SourceRef[], config: PipelineConfig, lexiconThemes: readonly string[] = []): LintResult[] {
  const learning = config.severityOf('themes-inferred') === null ? null : new BatchLearning(lexiconThemes, () => []);
  const firstLexicon = new FixedThemeLexicon(learning?.startThemes ?? lexiconThemes);
  // First pass, in path order as ingest's writer applies it: the first page with an id owns it; a later
  // one is a duplicate (rejected, so it teaches the batch nothing and is not split again).
  const claims = new IdClaims();
  const owners: (string | null)[] = [];
  const parsed = sources.map((source): Checked => {
    const result = parseSource(source, config, firstLexicon);
    const owner = result.id === null ? null : claims.claim(source.path, result.id);
    owners.push(owner);
    if (result.id !== null && owner === null) learning?.written(source.path, result.themes, result.diagnostics);
    return { ...result, themes: [] };
  });

  const secondThemes = learning?.secondPassThemes() ?? null;
  if (learning !== null && secondThemes !== null) {
    const again = new Set(learning.inferredPaths);
    const secondLexicon = new FixedThemeLexicon(secondThemes);
    sources.forEach((source, i) => {
      if (again.has(source.path)) parsed[i] = parseSource(source, config, secondLexicon);
    });
  }

  return sources.map((source, i) => {
    const { id, diagnostics, provenance } = parsed[i]!;
    const owner = owners[i] ?? null;
    const messages: Diagnostic[] = id !== null && owner !== null ? [...diagnostics, duplicateIdDiagnostic(config, id, owner)] : diagnostics;
    return provenance === undefined ? { path: source.path, messages } : { path: source.path, messages, provenance };
  });
}
