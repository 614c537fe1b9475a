// The runner: read → detect → normalize → segment → extract → validate, on one file object.

import { createLeaderFile, type LeaderFile, type ThemeRun } from '../file/LeaderFile.js';
import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import type { PipelineConfig } from '../config/PipelineConfig.js';
import type { LeaderProfile, SourceFormat } from '../schema/LeaderProfile.js';
import { defaultConfig } from '../config/defaultConfig.js';
import { decodeSource } from '../read/decodeSource.js';
import { detectFormat } from '../detect/detectFormat.js';
import { normalizeBlocks } from '../normalize/normalizeBlocks.js';
import { segmentSections } from '../sections/segmentSections.js';
import { extractFields } from '../extract/extractFields.js';
import { validateRecord } from '../schema/validateRecord.js';
import { rejectReplacementCharacters } from '../read/rejectReplacementCharacters.js';
import type { Stage } from './Stage.js';
import type { ThemeLexicon } from '../themes/ThemeLexicon.js';

export const stages: readonly Stage[] = [
  decodeSource,
  detectFormat,
  normalizeBlocks,
  segmentSections,
  extractFields,
  validateRecord,
  rejectReplacementCharacters,
];

export interface ParseInput {
  /** Path recorded in `source.path` and used for format detection by extension. */
  path: string;
  bytes: Uint8Array | string;
  config?: PipelineConfig;
  /**
   * Known themes used to split run-together theme lines. Pass the same lexicon to every page of a batch:
   * themes a page lists with separators are added to it, so later pages benefit.
   */
  lexicon?: ThemeLexicon;
}

/** Where a field's value came from: the start (and end) of its source text, 1-based. */
export interface FieldSource {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ParseResult {
  record: LeaderProfile | null;
  diagnostics: Diagnostic[];
  format: SourceFormat | null;
  /** Present when the key themes were split by inference: the run and its page evidence. */
  themeRun?: ThemeRun;
  /** Source position of every extracted value, by record path (`name`, `dimensions[2].score`, `quotes[0].context`). */
  provenance: Record<string, FieldSource>;
}

/** The draft's positions as a plain map, in record-path order as extracted. */
export function provenanceOf(file: LeaderFile): Record<string, FieldSource> {
  const out: Record<string, FieldSource> = {};
  for (const [path, { start, end }] of Object.entries(file.draft.positions)) {
    out[path] = { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }
  return out;
}

export function runStages(file: LeaderFile): LeaderFile {
  for (const stage of stages) {
    if (file.fatal) break;
    stage(file);
  }
  file.messages.sort((a, b) => a.line - b.line || a.column - b.column);
  return file;
}

/** The file object after every stage (for callers that need the blocks too, as the ingest's batch learning does). */
export function parseFile(input: ParseInput): LeaderFile {
  const bytes = typeof input.bytes === 'string' ? new TextEncoder().encode(input.bytes) : input.bytes;
  return runStages(createLeaderFile(input.path, bytes, input.config ?? defaultConfig, input.lexicon));
}

/** Parse one page into a record. Never throws for bad input: problems come back as diagnostics. */
export function parseDocument(input: ParseInput): ParseResult {
  const file = parseFile(input);
  const result: ParseResult = { record: file.record, diagnostics: file.messages, format: file.format, provenance: provenanceOf(file) };
  if (file.themeRun !== undefined) result.themeRun = file.themeRun;
  return result;
}
