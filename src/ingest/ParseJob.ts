// Messages between the ingest's main thread and its parse workers: plain data only.

import type { PipelineOptions } from '../config/PipelineConfig.js';
import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import type { ThemeRun } from '../file/LeaderFile.js';
import type { LeaderProfile, SourceFormat } from '../schema/LeaderProfile.js';
import type { KnownSource } from '../sinks/LeaderStore.js';

/** What each parse worker starts with. */
export interface ParseWorkerData {
  options: PipelineOptions;
  /** Known themes for splitting run-together theme lines; the same for every page of a batch. */
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

/** What the writer needs of an unchanged source's stored row (see LeaderStore.knownSource). */
export type StoredSource = Pick<KnownSource, 'sha256' | 'format' | 'status' | 'leaderId' | 'ownerPath'>;

export type ParseOutcome =
  /** Same bytes and parser version as the stored result: not parsed again. `stored`: its row as read before the run wrote anything. */
  | { kind: 'unchanged'; path: string; sha256: string; bytes: number; stored?: StoredSource }
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
      /** Key themes split by inference: the batch splits this run again once it has learned its lexicon. */
      themeRun?: ThemeRun;
      /** Where each field came from, by record path: [line, column, endLine, endColumn] (for batch diagnostics). */
      fields?: Record<string, [number, number, number, number]>;
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
      /** As for a parsed page: where each field that was found came from. */
      fields?: Record<string, [number, number, number, number]>;
    };

/**
 * An outcome as it leaves the worker: serialized once (the main thread stores the text until the batch is
 * learned, and never re-encodes it) plus the little batch learning reads from it.
 */
export interface PackedOutcome {
  path: string;
  /** The ParseOutcome as one line of text (outcomeLine; readOutcome turns it back). */
  line: string;
  /** The record's id, when the page yielded one. */
  id: string | null;
  /** Themes the page listed with separators (they teach the batch lexicon); null when none or inferred. */
  separatedThemes: string[] | null;
  /** The themes were split by inference: this outcome waits for the batch lexicon. */
  held: boolean;
  /** Lines of the page no field took (see chromeCandidates), for batch chrome learning; null when not parsed. */
  chrome: string[] | null;
}

export function packOutcome(outcome: ParseOutcome, chrome: string[] | null = null): PackedOutcome {
  return { ...learnedFrom(outcome, chrome), line: outcomeLine(outcome) };
}

/** Marks an unchanged outcome's line (JSON text never starts with it). */
const unchangedMark = 'u';

/**
 * An outcome as one line of text: its JSON, except an unchanged source with its stored row (most of a
 * re-run), which is a flat array after a mark — less than half the bytes, and a fraction of the time to
 * encode and decode an object. JSON escapes every newline, so either is one line.
 */
export function outcomeLine(outcome: ParseOutcome): string {
  if (outcome.kind !== 'unchanged' || outcome.stored === undefined || outcome.stored.sha256 !== outcome.sha256) return JSON.stringify(outcome);
  const { path, sha256, bytes, stored } = outcome;
  // The owner is nearly always the source itself: 0 says so without the path again.
  const line: UnchangedLine = [path, sha256, bytes, stored.format, stored.status, stored.leaderId, stored.ownerPath === path ? 0 : stored.ownerPath];
  return unchangedMark + JSON.stringify(line);
}

type UnchangedLine = [path: string, sha256: string, bytes: number, format: StoredSource['format'], status: StoredSource['status'], leaderId: string | null, owner: string | null | 0];

/** The outcome an outcomeLine holds. */
export function readOutcome(line: string): ParseOutcome {
  if (!line.startsWith(unchangedMark)) return JSON.parse(line) as ParseOutcome;
  const [path, sha256, bytes, format, status, leaderId, owner] = JSON.parse(line.slice(unchangedMark.length)) as UnchangedLine;
  return { kind: 'unchanged', path, sha256, bytes, stored: { sha256, format, status, leaderId, ownerPath: owner === 0 ? path : owner } };
}

/** What batch learning reads from an outcome (a PackedOutcome without the serialized outcome). */
export function learnedFrom(outcome: ParseOutcome, chrome: string[] | null = null): Omit<PackedOutcome, 'line'> {
  const parsed = outcome.kind === 'parsed' ? outcome : null;
  const held = parsed?.themeRun !== undefined;
  return {
    path: outcome.path,
    id: parsed?.record.id ?? null,
    separatedThemes: parsed !== null && !held && parsed.record.themes.length > 0 ? parsed.record.themes : null,
    held,
    chrome,
  };
}

export interface ParseJobResult {
  id: number;
  outcomes: PackedOutcome[];
}
