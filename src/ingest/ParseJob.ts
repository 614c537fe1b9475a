// Messages between the ingest's main thread and its parse workers: plain data only.

import type { PipelineOptions } from '../config/PipelineConfig.js';
import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import type { LeaderProfile, SourceFormat } from '../schema/LeaderProfile.js';

/** What each parse worker starts with. */
export interface ParseWorkerData {
  options: PipelineOptions;
  /** Known themes for splitting run-together theme lines; the same for every page of a pass. */
  lexicon: readonly string[];
}

/** A source the main thread has read and hashed, and found changed. */
export interface ParseItem {
  /** Path as recorded in `source.path`, the database and the report. */
  path: string;
  bytes: Uint8Array;
  sha256: string;
}

export interface ParseJob {
  id: number;
  items: ParseItem[];
}

/** To a worker: a job, or a new lexicon for the jobs after it. */
export type ParseWorkerMessage = ParseJob | { lexicon: readonly string[] };

export type ParseOutcome =
  /** Same bytes and parser version as the stored result: not parsed again. */
  | { kind: 'unchanged'; path: string; sha256: string; bytes: number }
  | {
      kind: 'parsed';
      path: string;
      sha256: string;
      bytes: number;
      format: SourceFormat | null;
      diagnostics: Diagnostic[];
      record: LeaderProfile;
      /** Time parseDocument took, in ms. */
      parseMs?: number;
      /** The leaders/<id>.json text and the leaders.ndjson line, made in the worker to spare the writer. */
      json: string;
      line: string;
    }
  | {
      kind: 'rejected';
      path: string;
      sha256: string | null;
      bytes: number | null;
      format: SourceFormat | null;
      diagnostics: Diagnostic[];
      /** Time parseDocument took, in ms; absent when the source was never parsed (read errors). */
      parseMs?: number;
    };

export interface ParseJobResult {
  id: number;
  outcomes: ParseOutcome[];
}
