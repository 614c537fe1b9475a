// A record as published JSON: fields in the schema's order, so files are byte-stable across runs.

import type { LeaderProfile } from '../schema/LeaderProfile.js';
import { recordKeys } from '../schema/recordShape.js';

function ordered(record: LeaderProfile): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of recordKeys) out[key] = record[key];
  return out;
}

/** leaders/<id>.json content: two-space indent and a final newline. */
export function formatRecordJson(record: LeaderProfile): string {
  return JSON.stringify(ordered(record), null, 2) + '\n';
}

/** One leaders.ndjson line, without its newline. */
export function formatRecordLine(record: LeaderProfile): string {
  return JSON.stringify(ordered(record));
}

/**
 * leaders/<id>.json content from the record's compact line (formatRecordLine, the `record` column):
 * the same text formatRecordJson gives, since a JSON round trip keeps key order, strings and numbers.
 */
export function leaderFileContent(line: string): string {
  return JSON.stringify(JSON.parse(line), null, 2) + '\n';
}
