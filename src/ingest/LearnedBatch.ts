// What a settled batch does to each outcome before it is written (see BatchLearning): a held theme run
// is split again with the batch lexicon, and template text learned from the batch is taken out of the
// fields (the record checked again). It is built from plain data, so the apply workers of a large batch
// (ApplyPool) hold exactly what the main thread holds, and give the same outcomes.

import type { PipelineConfig } from '../config/PipelineConfig.js';
import { themesInferredMessage } from '../extract/extractThemes.js';
import type { FieldSource } from '../pipeline/parseDocument.js';
import { LeaderProfile } from '../schema/LeaderProfile.js';
import { formatPath } from '../schema/validateRecord.js';
import { splitThemes } from '../themes/splitThemes.js';
import { ThemeLexicon } from '../themes/ThemeLexicon.js';
import { applyLearnedChrome } from './applyLearnedChrome.js';
import type { LearnedChrome } from './BatchChrome.js';
import type { ParseOutcome } from './ParseJob.js';

export interface LearnedBatchData {
  /** The batch lexicon's themes, or null when held runs stand as they were split. */
  lexiconThemes: string[] | null;
  /** Learned template lines, longest first. */
  chrome: LearnedChrome[];
}

export class LearnedBatch {
  #lexicon: ThemeLexicon | undefined;

  constructor(readonly data: LearnedBatchData) {}

  /** Built on first use: when an ApplyPool applies the batch, only its thread needs it. */
  #batchLexicon(themes: readonly string[]): ThemeLexicon {
    this.#lexicon ??= ThemeLexicon.from(themes);
    return this.#lexicon;
  }

  /** The outcome to write: its held run split again, learned template text taken out of its fields. */
  apply(outcome: ParseOutcome, config: PipelineConfig): ParseOutcome {
    if (outcome.kind !== 'parsed') return outcome;
    const { fields, ...rest } = outcome;
    const provenance: Record<string, FieldSource> = {};
    for (const [path, [line, column, endLine, endColumn]] of Object.entries(fields ?? {})) provenance[path] = { line, column, endLine, endColumn };
    return applyLearnedChrome(this.data.chrome, this.#resplit(rest, config), config, provenance);
  }

  #resplit(outcome: ParseOutcome, config: PipelineConfig): ParseOutcome {
    if (outcome.kind !== 'parsed' || outcome.themeRun === undefined) return outcome;
    const { themeRun, ...rest } = outcome;
    if (this.data.lexiconThemes === null) return rest;
    const split = splitThemes(themeRun.run, { pageText: themeRun.pageText, lexicon: this.#batchLexicon(this.data.lexiconThemes) });
    const at = rest.diagnostics.findIndex((d) => d.rule === 'themes-inferred');
    const inferred = rest.diagnostics[at];
    const diagnostics = rest.diagnostics.filter((_, i) => i !== at);
    if (split.inferred && inferred !== undefined) diagnostics.splice(at, 0, { ...inferred, message: themesInferredMessage(split) });
    const record = { ...rest.record, themes: split.themes };
    const checked = LeaderProfile.safeParse(record);
    if (checked.success) return { ...rest, diagnostics, record: checked.data };
    const where = inferred ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
    const invalid = checked.error.issues.map((issue) => ({
      severity: config.severityOf('invalid-record') ?? ('error' as const),
      rule: 'invalid-record' as const,
      message: `\`${formatPath(issue.path)}\`: ${issue.message}`,
      line: where.line,
      column: where.column,
      endLine: where.endLine,
      endColumn: where.endColumn,
    }));
    return { kind: 'rejected', path: rest.path, sha256: rest.sha256, bytes: rest.bytes, format: rest.format, diagnostics: [...diagnostics, ...invalid] };
  }
}
