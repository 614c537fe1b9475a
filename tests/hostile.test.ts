// Hostile and broken input, table-driven from tests/fixtures/hostile: each input file sits next to
// <name>.expected.json saying which diagnostics (rule, line, column) it must raise and whether a record survives.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/pipeline/parseDocument.js';
import { configWith } from '../src/config/defaultConfig.js';

interface Expected {
  record: boolean;
  diagnostics: { rule: string; line: number; column: number; severity?: 'error' | 'warning' }[];
  /** Record fields that must come out exactly. */
  name?: string;
  id?: string;
  /** How many dimension scores the record must hold. */
  dimensions?: number;
  /** A marker that must appear nowhere in the record (hidden HTML content). */
  absent?: string;
}

const folder = join(import.meta.dirname, 'fixtures', 'hostile');
const cases = readdirSync(folder)
  .filter((name) => !name.endsWith('.expected.json'))
  .sort()
  .map((name) => ({
    name,
    expected: JSON.parse(readFileSync(join(folder, name.replace(/\.[^.]+$/, '.expected.json')), 'utf8')) as Expected,
  }));

describe('hostile input', () => {
  it('has a fixture for every case the issue lists', () => {
    expect(cases.length).toBeGreaterThanOrEqual(17);
  });

  it.each(cases)('$name', ({ name, expected }) => {
    const bytes = readFileSync(join(folder, name));
    const result = parseDocument({ path: `raw/${name}`, bytes, config: configWith() });
    const found = result.diagnostics.map((d) => ({ rule: d.rule, line: d.line, column: d.column, severity: d.severity }));

    for (const want of expected.diagnostics) {
      expect(found, `${want.rule} at ${want.line}:${want.column}`).toContainEqual({ severity: want.severity ?? 'error', ...want });
    }
    // Every diagnostic points inside the input.
    const lines = new TextDecoder().decode(bytes).split(/\r\n|\r|\n/).length;
    for (const d of result.diagnostics) {
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.line).toBeLessThanOrEqual(Math.max(lines, 1));
      expect(d.column).toBeGreaterThanOrEqual(1);
    }

    if (!expected.record) {
      expect(result.record).toBeNull();
      return;
    }
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.record).not.toBeNull();
    const record = result.record!;
    expect(record.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    if (expected.name !== undefined) expect(record.name).toBe(expected.name);
    if (expected.id !== undefined) expect(record.id).toBe(expected.id);
    if (expected.dimensions !== undefined) expect(record.dimensions).toHaveLength(expected.dimensions);
    if (expected.absent !== undefined) expect(JSON.stringify(record)).not.toContain(expected.absent);
  });
});
