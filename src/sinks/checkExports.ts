// The database is the source of truth; leaders/*.json and leaders.ndjson are views of it. This
// compares each export with the bytes the database expects (its records, formatted as the writer
// formats them) and names every difference: missing, truncated, edited or stray. healExports
// rewrites exactly those files.

import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, readSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { statStamp, type ExportStamps, type FileStamp } from './exportStamps.js';
import { leaderFileContent } from './formatRecordJson.js';
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
    const found = compareLeaderFile(id, file, record);
    if (found !== null) drift.push(found);
  }
  drift.push(...strayFiles(leadersDir, expectedNames));
  const ndjson = compareStream(join(outDir, 'leaders.ndjson'), recordLines(source));
  if (ndjson.kind !== null) drift.push({ file: 'leaders.ndjson', kind: ndjson.kind, expectedSha256: ndjson.sha256 });
  return drift;
}

/** A store whose exports carry stamps (see exportStamps): ids and records apart, so untouched files cost a stat. */
export interface StampedRecordSource extends RecordSource {
  ids(): Iterable<string>;
  recordOf(id: string): string | undefined;
  readonly stamps: ExportStamps;
}

/**
 * checkExports as an ingest runs it: a file whose stat matches a trusted stamp is not read; any other is
 * compared whole, and stamped when it is right. `referenceNs`: see ExportStamps.trust. `verify` and
 * `ingest --force` compare every byte.
 */
export function checkStampedExports(source: StampedRecordSource, outDir: string, referenceNs?: string): ExportDrift[] {
  return judgeSuspects(source, findSuspects(source, outDir, referenceNs));
}

/** An export the stamps do not vouch for: a leader's JSON file (`id`), or the NDJSON (`id` null). */
export interface SuspectExport {
  id: string | null;
  /** Relative to the output folder, as in export_stamps. */
  name: string;
  path: string;
  /** Its stat, taken before it is compared (null: no such file). */
  stat: FileStamp | null;
}

/** The first half of checkStampedExports, from a stat of each export: what must be compared whole, and the strays. */
export interface ExportSuspects {
  suspects: SuspectExport[];
  strays: ExportDrift[];
}

/** Reads only (it can run on a connection of its own, on another thread: see findSuspectsOnThread). */
export function findSuspects(source: Omit<StampedRecordSource, 'records' | 'recordOf'>, outDir: string, referenceNs?: string): ExportSuspects {
  const leadersDir = join(outDir, 'leaders');
  const stamps = source.stamps.all();
  const trusted = source.stamps.trust(referenceNs);
  const suspects: SuspectExport[] = [];
  const expectedNames = new Set<string>();
  const look = (id: string | null, name: string, path: string): void => {
    // Taken before the file is read: a change while it is compared moves its ctime past the stamp.
    const stat = statStamp(path);
    if (!trusted(stamps.get(name), stat)) suspects.push({ id, name, path, stat });
  };
  for (const id of source.ids()) {
    const path = leaderJsonPath(leadersDir, id);
    if (path === null) continue;
    expectedNames.add(`${id}.json`);
    look(id, `leaders/${id}.json`, path);
  }
  look(null, 'leaders.ndjson', join(outDir, 'leaders.ndjson'));
  return { suspects, strays: strayFiles(leadersDir, expectedNames) };
}

/** The second half: compare each suspect whole, stamp those found right, and list the drift. */
export function judgeSuspects(source: StampedRecordSource, { suspects, strays }: ExportSuspects): ExportDrift[] {
  const drift: ExportDrift[] = [];
  const checked: { file: string; path: string; stamp: FileStamp }[] = [];
  // In checkExports' order: the leaders' files, the strays, then the NDJSON.
  for (const { id, name, path, stat } of suspects) {
    if (id === null) continue;
    const found = compareLeaderFile(id, path, source.recordOf(id) ?? '');
    if (found !== null) drift.push(found);
    else if (stat !== null) checked.push({ file: name, path, stamp: stat });
  }
  drift.push(...strays);
  for (const { id, name, path, stat } of suspects) {
    if (id !== null) continue;
    const ndjson = compareStream(path, recordLines(source));
    if (ndjson.kind !== null) drift.push({ file: name, kind: ndjson.kind, expectedSha256: ndjson.sha256 });
    else if (stat !== null) checked.push({ file: name, path, stamp: stat });
  }
  source.stamps.recordAll(checked);
  return drift;
}

function compareLeaderFile(id: string, file: string, record: string): ExportDrift | null {
  const expected = Buffer.from(leaderFileContent(record), 'utf8');
  const kind = compare(readOrNull(file), expected);
  return kind === null ? null : { file: `leaders/${id}.json`, kind, expectedSha256: sha256(expected) };
}

/** JSON files in leaders/ that no record explains (temp files are the lock holder's business). */
function strayFiles(leadersDir: string, expectedNames: ReadonlySet<string>): ExportDrift[] {
  let names: string[] = [];
  try {
    names = readdirSync(leadersDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return names
    .filter((name) => name.endsWith('.json') && !isTempFileName(name) && !expectedNames.has(name))
    .sort()
    .map((name) => ({ file: `leaders/${name}`, kind: 'stray' as const, expectedSha256: null }));
}

function* recordLines(source: RecordSource): Generator<string> {
  for (const { record } of source.records()) yield record;
}

/**
 * Rewrite (or, for strays, remove) exactly the drifted files, from the database. With `stamps`, each
 * file rewritten is stamped.
 */
export async function healExports(source: RecordSource, outDir: string, drift: readonly ExportDrift[], stamps: ExportStamps | null = null): Promise<void> {
  const wanted = new Set(drift.filter((d) => d.kind !== 'stray').map((d) => d.file));
  for (const d of drift) if (d.kind === 'stray') unlinkSync(join(outDir, d.file));
  if (wanted.size === 0) return;
  const leadersDir = join(outDir, 'leaders');
  const written: { file: string; path: string }[] = [];
  for (const { id, record } of source.records()) {
    const file = leaderJsonPath(leadersDir, id);
    if (file !== null && wanted.has(`leaders/${id}.json`)) {
      writeFileAtomic(file, leaderFileContent(record));
      written.push({ file: `leaders/${id}.json`, path: file });
    }
  }
  if (wanted.has('leaders.ndjson')) {
    await writeLinesAtomic(join(outDir, 'leaders.ndjson'), recordLines(source));
    written.push({ file: 'leaders.ndjson', path: join(outDir, 'leaders.ndjson') });
  }
  // After the loops: the records are read through an open statement, which must end before a write.
  stamps?.recordAll(written);
}

/** One line per drifted file, for the summary: "leaders/x.json (missing)". */
export function describeDrift(drift: readonly ExportDrift[], limit = 5): string {
  const shown = drift.slice(0, limit).map((d) => `${d.file} (${d.kind})`).join(', ');
  return drift.length > limit ? `${shown} and ${drift.length - limit} more` : shown;
}
