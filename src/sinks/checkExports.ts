// The database is the source of truth; leaders/*.json and leaders.ndjson are views of it. This
// compares each export with the bytes the database expects (its records, formatted as the writer
// formats them) and names every difference: missing, truncated, edited or stray. healExports
// rewrites exactly those files.

import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, readSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { leaderJsonPath } from './leaderJsonPath.js';
import { isTempFileName, writeFileAtomic } from './writeFileAtomic.js';
import { writeLinesAtomic } from './writeNdjson.js';

export type DriftKind = 'missing' | 'truncated' | 'edited' | 'stray';

export interface ExportDrift {
  /** Relative to the output folder, with forward slashes: `leaders/<id>.json`, `leaders.ndjson`. */
  file: string;
  kind: DriftKind;
  /** sha256 of the content the database expects (null for a stray file). */
  expectedSha256: string | null;
}

/** What the exports are views of: every stored record (compact JSON) by id, in id order. */
export interface RecordSource {
  records(): Iterable<{ id: string; record: string }>;
}

export function leaderFileContent(record: string): string {
  return JSON.stringify(JSON.parse(record), null, 2) + '\n';
}

function sha256(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function compare(actual: Buffer | null, expected: Buffer): DriftKind | null {
  if (actual === null) return 'missing';
  if (actual.equals(expected)) return null;
  return actual.length < expected.length && expected.subarray(0, actual.length).equals(actual) ? 'truncated' : 'edited';
}

function readOrNull(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR') return null;
    throw error;
  }
}

/** Compare a file with expected lines streamed in, a chunk at a time (NDJSON can be large). */
function compareStream(file: string, lines: Iterable<string>): { kind: DriftKind | null; sha256: string } {
  const hash = createHash('sha256');
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    for (const line of lines) hash.update(line + '\n');
    return { kind: 'missing', sha256: hash.digest('hex') };
  }
  let kind: DriftKind | null = null;
  let position = 0;
  let buffer = Buffer.alloc(1 << 16);
  try {
    for (const line of lines) {
      const expected = Buffer.from(line + '\n', 'utf8');
      hash.update(expected);
      if (kind !== null) continue;
      if (buffer.length < expected.length) buffer = Buffer.alloc(expected.length);
      const read = readSync(fd, buffer, 0, expected.length, position);
      position += read;
      if (read < expected.length) kind = expected.subarray(0, read).equals(buffer.subarray(0, read)) ? 'truncated' : 'edited';
      else if (!buffer.subarray(0, read).equals(expected)) kind = 'edited';
    }
    if (kind === null && readSync(fd, buffer, 0, 1, position) > 0) kind = 'edited'; // more than expected
  } finally {
    closeSync(fd);
  }
  return { kind, sha256: hash.digest('hex') };
}

/** Every difference between the exports in `outDir` and the records in `source`, leaders/ files first. */
export function checkExports(source: RecordSource, outDir: string): ExportDrift[] {
  const leadersDir = join(outDir, 'leaders');
  const drift: ExportDrift[] = [];
  const expectedNames = new Set<string>();
  for (const { id, record } of source.records()) {
    const file = leaderJsonPath(leadersDir, id);
    if (file === null) continue; // the writer never stores such an id
    expectedNames.add(`${id}.json`);
    const expected = Buffer.from(leaderFileContent(record), 'utf8');
    const kind = compare(readOrNull(file), expected);
    if (kind !== null) drift.push({ file: `leaders/${id}.json`, kind, expectedSha256: sha256(expected) });
  }
  let names: string[] = [];
  try {
    names = readdirSync(leadersDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  for (const name of names.sort()) {
    if (name.endsWith('.json') && !isTempFileName(name) && !expectedNames.has(name)) {
      drift.push({ file: `leaders/${name}`, kind: 'stray', expectedSha256: null });
    }
  }
  const ndjson = compareStream(join(outDir, 'leaders.ndjson'), recordLines(source));
  if (ndjson.kind !== null) drift.push({ file: 'leaders.ndjson', kind: ndjson.kind, expectedSha256: ndjson.sha256 });
  return drift;
}

function* recordLines(source: RecordSource): Generator<string> {
  for (const { record } of source.records()) yield record;
}

/** Rewrite (or, for strays, remove) exactly the drifted files, from the database. */
export async function healExports(source: RecordSource, outDir: string, drift: readonly ExportDrift[]): Promise<void> {
  const wanted = new Set(drift.filter((d) => d.kind !== 'stray').map((d) => d.file));
  for (const d of drift) if (d.kind === 'stray') unlinkSync(join(outDir, d.file));
  if (wanted.size === 0) return;
  const leadersDir = join(outDir, 'leaders');
  for (const { id, record } of source.records()) {
    const file = leaderJsonPath(leadersDir, id);
    if (file !== null && wanted.has(`leaders/${id}.json`)) writeFileAtomic(file, leaderFileContent(record));
  }
  if (wanted.has('leaders.ndjson')) await writeLinesAtomic(join(outDir, 'leaders.ndjson'), recordLines(source));
}

/** One line per drifted file, for the summary: "leaders/x.json (missing)". */
export function describeDrift(drift: readonly ExportDrift[], limit = 5): string {
  const shown = drift.slice(0, limit).map((d) => `${d.file} (${d.kind})`).join(', ');
  return drift.length > limit ? `${shown} and ${drift.length - limit} more` : shown;
}
