// Outcomes wait for the batch as lines of text (OutcomeSpill). An unchanged source's line is a flat
// array, not its JSON: reading any line back must give the outcome that was written, whatever its path.

import { expect, it } from 'vitest';
import fc from 'fast-check';
import { outcomeLine, readOutcome, type ParseOutcome, type StoredSource } from '../src/ingest/ParseJob.js';

const sha = 'ab'.repeat(32);

function unchanged(path: string, stored: StoredSource | undefined): ParseOutcome {
  return stored === undefined ? { kind: 'unchanged', path, sha256: sha, bytes: 1234 } : { kind: 'unchanged', path, sha256: sha, bytes: 1234, stored };
}

it('reads back an unchanged source owning its id, another path owning it, and no owner', () => {
  const stored = (ownerPath: string | null, status: StoredSource['status'] = 'unchanged'): StoredSource => ({ sha256: sha, format: 'markdown', status, leaderId: 'ada-lovelace', ownerPath });
  for (const outcome of [
    unchanged('pages/a.md', stored('pages/a.md')),
    unchanged('pages/b.md', stored('pages/a.md')),
    unchanged('pages/c.md', stored(null, 'rejected')),
    unchanged('pages/d.md', { sha256: sha, format: null, status: 'rejected', leaderId: null, ownerPath: null }),
  ]) {
    const line = outcomeLine(outcome);
    expect(line.startsWith('u[')).toBe(true);
    expect(readOutcome(line)).toStrictEqual(outcome);
  }
});

it('keeps other outcomes as their JSON', () => {
  const rejected: ParseOutcome = { kind: 'rejected', path: 'u.txt', sha256: null, bytes: null, format: null, diagnostics: [] };
  // No stored row, or a row for other bytes: the whole object, as before.
  const noRow = unchanged('u.txt', undefined);
  const otherBytes: ParseOutcome = { kind: 'unchanged', path: 'u.txt', sha256: sha, bytes: 1, stored: { sha256: 'cd'.repeat(32), format: 'text', status: 'written', leaderId: 'x', ownerPath: 'u.txt' } };
  for (const outcome of [rejected, noRow, otherBytes]) {
    expect(outcomeLine(outcome)).toBe(JSON.stringify(outcome));
    expect(readOutcome(outcomeLine(outcome))).toStrictEqual(outcome);
  }
});

it('is one line that reads back the same for any path and id', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', minLength: 1 }), fc.option(fc.string({ unit: 'binary' })), fc.boolean(), fc.nat(), (path, leaderId, ownsId, bytes) => {
      const outcome: ParseOutcome = { kind: 'unchanged', path, sha256: sha, bytes, stored: { sha256: sha, format: 'html', status: 'written', leaderId, ownerPath: ownsId ? path : 'elsewhere.html' } };
      const line = outcomeLine(outcome);
      expect(line.includes('\n')).toBe(false);
      expect(readOutcome(line)).toStrictEqual(outcome);
    }),
  );
});
