// Messages between the ingest's main thread and its parse workers: plain data only.

import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import type { LeaderProfile, SourceFormat } from '../schema/LeaderProfile.js';

export interface ParseItem {
  /** Path as recorded in `source.path`, the database and the report. */
  path: string;
  /** Absolute path to read. */
  file: string;
  /** sha256 of the bytes last parsed into a stored record; equal bytes are `unchanged`, not re-parsed. */
  knownSha256: string | null;
}

export interface ParseJob {
  id: number;
  items: ParseItem[];
}

export type ParseOutcome =
  | { kind: 'unchanged'; path: string; sha256: string; bytes: number }
  | {
      kind: 'parsed';
      path: string;
      sha256: string;
      bytes: number;
      format: SourceFormat | null;
      diagnostics: Diagnostic[];
      record: LeaderProfile;
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
    };

export interface ParseJobResult {
  id: number;
  outcomes: ParseOutcome[];
}
