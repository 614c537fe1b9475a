// One enormous line (1–2 MB) must not slow parsing down: no super-linear regular expression anywhere
// between decoding and validation. Each case must finish (within vitest's generous timeout) and say what it found.
// A quadratic pass over 2 MB is ~10^12 steps — it would not finish — so the timeout tells linear from not.

import { describe, expect, it } from 'vitest';
import { configWith } from '../src/config/defaultConfig.js';
import { parseDocument, type ParseResult } from '../src/pipeline/parseDocument.js';

const megabytes = 2 * 1024 * 1024;
const config = configWith({ maxFileBytes: 8 * 1024 * 1024 });

function fill(unit: string, size = megabytes): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** The cases: a megabyte or two of spaces or words on one line. */
const longLines: Record<string, { line: string; blank: boolean }> = {
  spaces: { line: fill(' '), blank: true },
  'spaces and tabs': { line: fill('\t \u00a0'), blank: true },
  'spaces then a word': { line: fill(' ') + 'x', blank: false },
  words: { line: fill('customer obsession working backwards '), blank: false },
  'one long word': { line: fill('a'), blank: false },
};

/**
 * Text that regexes with nested or adjacent quantifiers choke on when nothing closes them. 128 KB is
 * enough to expose a quadratic regex (~10^10 steps); bigger inputs only slow the suite, because the
 * Markdown parser (micromark) is slow on such text even where it is not quadratic.
 */
const pathological: Record<string, string> = {
  'open brackets': '[a',
  'open links': '[a](',
  'open angle brackets': '<a ',
  'unclosed emphasis': '**a ',
  'unclosed quote': '"word ',
  digits: '7',
  'percent signs': '70% ',
  dashes: '— ',
  'escaped characters': '\\*\\_',
  'entity-like': '&amp',
  'table pipes': '| ',
};
for (const [kind, unit] of Object.entries(pathological)) longLines[kind] = { line: fill(unit, 128 * 1024), blank: false };

const wrappers: Record<string, { ext: string; wrap(line: string): string }> = {
  text: { ext: 'txt', wrap: (line) => line },
  markdown: { ext: 'md', wrap: (line) => line },
  html: { ext: 'html', wrap: (line) => `<html><body><p>${line}</p></body></html>` },
};

const cases = Object.entries(wrappers).flatMap(([format, { ext, wrap }]) =>
  Object.entries(longLines).map(([kind, { line, blank }]) => ({ format, kind, blank, path: `raw/long-line.${ext}`, text: wrap(line) })),
);

function summary(result: ParseResult): string[] {
  return result.diagnostics.map((d) => d.rule);
}

describe('a single line of megabytes', () => {
  it.each(cases)('$format: $kind', ({ path, text, format, blank }) => {
    const result = parseDocument({ path, bytes: text, config });
    expect(result.record).toBeNull();
    const rules = summary(result);
    // Nothing in one line makes a profile: it is blank or not a profile, never a crash or a silent pass.
    if (blank && format !== 'html') {
      expect(rules).toEqual(['empty-input']);
    } else {
      expect(result.format).toBe(format);
      expect(rules.length).toBeGreaterThan(0);
      expect(rules).not.toContain('empty-input');
    }
    for (const d of result.diagnostics) expect(d.line).toBe(1);
  }, 120_000);

  it('a profile whose summary is a megabyte of words still yields its record', () => {
    const summaryLine = fill('pricing experiments compound over quarters ', 1024 * 1024).trim();
    const text = [
      'Dana Okafor',
      '',
      'Head of Product at Example Labs',
      '',
      'Dimension Profile',
      '',
      'Strategic Vision 70%',
      'Execution & Craft 80%',
      'Data & Experimentation 60%',
      'Growth & Distribution 50%',
      'Team & Leadership 90%',
      'User Empathy & Research 40%',
      '',
      'Episode Summary',
      '',
      summaryLine,
      '',
    ].join('\n');
    const result = parseDocument({ path: 'raw/dana-okafor.txt', bytes: text, config });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.record?.summary).toBe(summaryLine);
    expect(result.record?.dimensions.map((d) => d.score)).toEqual([70, 80, 60, 50, 90, 40]);
  }, 120_000);
});
