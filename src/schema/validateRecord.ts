// Validate stage: assemble the record from the draft and check it against the zod schema.
// Each zod issue becomes a diagnostic at the source position of the field that produced it.

import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { report, type LeaderFile } from '../file/LeaderFile.js';
import type { Position } from '../file/Position.js';
import { PARSER_VERSION } from '../version.js';
import { LeaderProfile, RECORD_VERSION, recordKeys } from './LeaderProfile.js';

/** `['dimensions', 2, 'score']` → `dimensions[2].score` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** The position of the nearest located ancestor of a record path. */
function locate(positions: Record<string, Position>, path: readonly PropertyKey[]): Position | undefined {
  for (let n = path.length; n > 0; n--) {
    const found = positions[formatPath(path.slice(0, n))];
    if (found !== undefined) return found;
  }
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  const where = formatPath(issue.path);
  const shown = value === undefined ? '' : `${JSON.stringify(value)} `;
  return `\`${where || 'record'}\`: ${shown}${issue.message}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = root;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

export function validateRecord(file: LeaderFile): void {
  if (file.messages.some((m) => m.severity === 'error')) return;
  const { fields, positions } = file.draft;
  const candidate: Record<string, unknown> = {};
  for (const key of recordKeys) {
    if (key !== 'source') candidate[key] = fields[key];
  }
  candidate['source'] = {
    path: file.path,
    format: file.format ?? 'text',
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    bytes: file.bytes.length,
    parserVersion: PARSER_VERSION,
    recordVersion: RECORD_VERSION,
  };
  const result = LeaderProfile.safeParse(candidate);
  if (result.success) {
    file.record = result.data;
    return;
  }
  for (const issue of result.error.issues) {
    report(file, 'invalid-record', describeIssue(issue, valueAt(candidate, issue.path)), locate(positions, issue.path), formatPath(issue.path));
  }
}
