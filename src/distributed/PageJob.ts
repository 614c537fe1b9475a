// The job codec: what the producer puts on the queue for one changed source, and what a worker takes
// off it. The page's bytes travel zlib-compressed (base64 in BullMQ's JSON), so workers need no shared
// file system; the job id is derived from the work itself, so enqueueing the same work twice is a no-op.

import { createHash } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import type { ParseItem } from '../ingest/ParseJob.js';

export const pageJobName = 'parse-page';

export interface PageJobData {
  /** Path as recorded in the sink and the report. */
  path: string;
  /** sha256 of the raw bytes, hex. */
  sha256: string;
  /** Size of the raw bytes. */
  bytes: number;
  /** The raw bytes, zlib-deflated, base64. */
  deflated: string;
  /** The run (sink `runs.id`) the job belongs to. */
  run: number;
  /** Key of the parse settings (pipeline options + theme lexicon) stored beside the queue; see ParseSettings. */
  settings: string;
}

/** (path, content sha256, parser version, config fingerprint, lexicon): the same work always gets the same id. */
export function pageJobId(path: string, sha256: string, parserVersion: string, settingsKey: string): string {
  // BullMQ ids must not contain ':' and must not be integers; a hex digest with a prefix is neither.
  return `page-${createHash('sha256').update(JSON.stringify([path, sha256, parserVersion, settingsKey])).digest('hex')}`;
}

export function encodePageJob(item: ParseItem, run: number, settings: string): PageJobData {
  return { path: item.path, sha256: item.sha256, bytes: item.bytes.length, deflated: deflateSync(item.bytes).toString('base64'), run, settings };
}

export class CorruptJobError extends Error {}

/** The job's page, after checking its bytes against the sha256 the producer computed from the file. */
export function decodePageJob(data: PageJobData): ParseItem {
  let bytes: Buffer;
  try {
    bytes = inflateSync(Buffer.from(data.deflated, 'base64'));
  } catch (error) {
    throw new CorruptJobError(`the job's bytes do not inflate (${(error as Error).message})`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== data.sha256) throw new CorruptJobError(`the job's bytes hash to ${sha256.slice(0, 12)}…, not the source's ${data.sha256.slice(0, 12)}…`);
  return { path: data.path, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), sha256 };
}
