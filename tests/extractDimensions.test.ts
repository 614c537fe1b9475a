// Dimension rows in their many spellings, and the located diagnostics for bad ones.

import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/pipeline/parseDocument.js';

const catalogue = ['Strategic Vision', 'Execution & Craft', 'Data & Experimentation', 'Growth & Distribution', 'Team & Leadership', 'User Empathy & Research'];

/** A minimal text page whose first dimension row is `row`; the other five are well formed. */
function page(row: string): string {
  const rest = catalogue.slice(1).map((name) => `${name} 50%`);
  return ['Ada Lovelace', '', 'Analyst at Engine Co', '', 'Dimension Profile', '', row, ...rest, ''].join('\n');
}

describe('dimension rows', () => {
  it.each([
    ['Strategic Vision 70%', 70],
    ['Strategic Vision 70 %', 70],
    ['Strategic Vision: 70%', 70],
    ['Strategic Vision — 70%', 70],
    ['Strategic Vision70%', 70],
    ['- **Strategic Vision:** 70%', 70],
    ['• Strategic Vision 0%', 0],
    ['Strategic Vision 100%', 100],
    ['strategic vision 70%', 70],
    ['Strategic Vision 70/100', 70],
    ['Strategic Vision ........ 70%', 70],
    ['Strategic Vision\t70%', 70],
    ['| Strategic Vision | 70% |', 70],
  ])('%j → %i', (row, score) => {
    const { record, diagnostics } = parseDocument({ path: 'ada.txt', bytes: page(row) });
    expect(diagnostics).toEqual([]);
    expect(record?.dimensions[0]).toEqual({ key: 'strategic-vision', name: 'Strategic Vision', score });
  });

  it('splits rows that a copy ran together into one paragraph', () => {
    const text = ['# Ada Lovelace', '', '## Dimension Profile', '', catalogue.map((n, i) => `${n} ${10 * (i + 1)}%`).join('\n'), ''].join('\n');
    const { record, diagnostics } = parseDocument({ path: 'ada.md', bytes: text });
    expect(diagnostics).toEqual([]);
    expect(record?.dimensions.map((d) => d.score)).toEqual([10, 20, 30, 40, 50, 60]);
  });

  it('pairs a name line with the score line under it (browser copies)', () => {
    const text = ['Ada Lovelace', 'Dimension Profile', ...catalogue.flatMap((n, i) => [n, `${10 * (i + 1)}%`])].join('\n');
    const { record } = parseDocument({ path: 'ada.txt', bytes: text });
    expect(record?.dimensions.map((d) => d.score)).toEqual([10, 20, 30, 40, 50, 60]);
  });
});

describe('dimension diagnostics', () => {
  // Row 7 of page(): line 7; columns point at the offending text.
  it.each([
    ['Strategic Vision 170%', 'percentage-out-of-range', 7, 18, 'error'],
    ['Strategic Vision seventy%', 'malformed-percentage', 7, 18, 'error'],
    ['Strategic Vision 70.5%', 'malformed-percentage', 7, 18, 'error'],
    ['Strategic Vision -5%', 'percentage-out-of-range', 7, 18, 'error'],
    ['Charisma 95%\nStrategic Vision 50%', 'unknown-dimension', 7, 1, 'warning'],
    ['Team & Leadership 40%\nStrategic Vision 50%', 'duplicate-dimension', 12, 1, 'error'],
  ] as const)('%j → %s at %i:%i', (row, rule, line, column, severity) => {
    const { record, diagnostics } = parseDocument({ path: 'ada.txt', bytes: page(row) });
    expect(diagnostics).toContainEqual(expect.objectContaining({ rule, line, column, severity }));
    expect(record === null).toBe(severity === 'error');
  });

  it('reports the score position as the standard asks: path, value, line and column', () => {
    const { diagnostics } = parseDocument({ path: 'ada.txt', bytes: page('Strategic Vision 170%') });
    expect(diagnostics[0]).toMatchObject({ message: '`dimensions[0].score`: 170 is over 100.', path: 'dimensions[0].score', line: 7, column: 18, endColumn: 21 });
  });

  it('warns about a dimension that is missing from the profile', () => {
    const text = page('Strategic Vision 70%').replace('User Empathy & Research 50%\n', '');
    const { record, diagnostics } = parseDocument({ path: 'ada.txt', bytes: text });
    expect(record?.dimensions).toHaveLength(5);
    expect(diagnostics).toContainEqual(expect.objectContaining({ rule: 'missing-dimension', severity: 'warning', line: 5, column: 1 }));
  });

  it('rejects a page whose profile heading has no scores under it', () => {
    const { record, diagnostics } = parseDocument({ path: 'ada.txt', bytes: 'Ada Lovelace\n\nDimension Profile\n\nKey Themes\n\nmath\n' });
    expect(record).toBeNull();
    expect(diagnostics).toContainEqual(expect.objectContaining({ rule: 'missing-section', line: 3, column: 1 }));
  });
});
