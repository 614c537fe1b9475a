// The validate formatters and exit policy on hand-made results: exact text for stylish, json and github.

import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics/Diagnostic.js';
import { countMessages, type LintResult } from '../src/lint/LintResult.js';
import { formatters } from '../src/lint/formatters.js';
import { lintExitCode } from '../src/lint/lintExitCode.js';

function diagnostic(severity: Diagnostic['severity'], rule: Diagnostic['rule'], message: string, line: number, column: number): Diagnostic {
  return { severity, rule, message, line, column, endLine: line, endColumn: column + 4 };
}

const results: LintResult[] = [
  { path: 'raw/clean.txt', messages: [] },
  {
    path: 'raw/dana, okafor.md',
    messages: [
      diagnostic('warning', 'unknown-dimension', 'Unknown dimension "Charisma"; it is left out of the record.', 9, 1),
      { ...diagnostic('error', 'percentage-out-of-range', '`dimensions[0].score`: 170 is over 100', 12, 18), path: 'dimensions[0].score' },
    ],
  },
  { path: 'raw/x.html', messages: [diagnostic('error', 'not-a-profile', 'No leader-profile sections found: 100% sure\nsecond line', 1, 1)] },
];

describe('formatStylish', () => {
  it('groups per file in aligned columns and ends with a summary', () => {
    expect(formatters.stylish(results, { color: false })).toBe(
      [
        '',
        'raw/dana, okafor.md',
        '  9:1    warning  Unknown dimension "Charisma"; it is left out of the record.  unknown-dimension',
        '  12:18  error    `dimensions[0].score`: 170 is over 100                       percentage-out-of-range',
        '',
        'raw/x.html',
        '  1:1  error    No leader-profile sections found: 100% sure second line  not-a-profile',
        '',
        '✖ 3 problems (2 errors, 1 warning) in 2 of 3 files',
        '',
      ].join('\n'),
    );
  });

  it('one long message does not push the other rule ids far right', () => {
    const long = 'Key themes had no separators; split into 6 by inference: ' + '"a theme", '.repeat(20);
    const out = formatters.stylish([{ path: 'raw/a.txt', messages: [diagnostic('warning', 'themes-inferred', long, 20, 1), diagnostic('warning', 'unknown-section', 'Unknown section "Fun".', 30, 1)] }], { color: false });
    const short = out.split('\n').find((l) => l.includes('unknown-section'))!;
    expect(short.indexOf('unknown-section')).toBeLessThanOrEqual(2 + '30:1'.length + 2 + 'warning'.length + 2 + 60 + 2);
    expect(out).toContain(`${long}  themes-inferred`);
  });

  it('says so when there is nothing to report', () => {
    expect(formatters.stylish([results[0]!], { color: false })).toBe('✔ 1 file checked, no problems\n');
  });

  it('colours severities and the summary only when asked', () => {
    const coloured = formatters.stylish(results, { color: true });
    expect(coloured).toContain('\u001b[31merror  \u001b[39m');
    expect(coloured).toContain('\u001b[33mwarning\u001b[39m');
    expect(coloured).toContain('\u001b[4mraw/x.html\u001b[24m');
    expect(formatters.stylish(results, { color: false })).not.toContain('\u001b');
  });
});

describe('formatJson', () => {
  it('lists every file with exactly the published message keys; the record field is `field`, apart from the file `path`', () => {
    const parsed = JSON.parse(formatters.json(results, { color: false })) as unknown;
    expect(parsed).toEqual([
      { path: 'raw/clean.txt', messages: [] },
      {
        path: 'raw/dana, okafor.md',
        messages: [
          { severity: 'warning', rule: 'unknown-dimension', message: 'Unknown dimension "Charisma"; it is left out of the record.', line: 9, column: 1, endLine: 9, endColumn: 5, field: null },
          { severity: 'error', rule: 'percentage-out-of-range', message: '`dimensions[0].score`: 170 is over 100', line: 12, column: 18, endLine: 12, endColumn: 22, field: 'dimensions[0].score' },
        ],
      },
      { path: 'raw/x.html', messages: [{ severity: 'error', rule: 'not-a-profile', message: 'No leader-profile sections found: 100% sure\nsecond line', line: 1, column: 1, endLine: 1, endColumn: 5, field: null }] },
    ]);
  });
});

describe('formatGithub', () => {
  it('writes one escaped workflow command per diagnostic', () => {
    expect(formatters.github(results, { color: false })).toBe(
      [
        '::warning file=raw/dana%2C okafor.md,line=9,col=1,endLine=9,endColumn=5,title=unknown-dimension::Unknown dimension "Charisma"; it is left out of the record. (unknown-dimension)',
        '::error file=raw/dana%2C okafor.md,line=12,col=18,endLine=12,endColumn=22,title=percentage-out-of-range::`dimensions[0].score`: 170 is over 100 (percentage-out-of-range)',
        '::error file=raw/x.html,line=1,col=1,endLine=1,endColumn=5,title=not-a-profile::No leader-profile sections found: 100%25 sure%0Asecond line (not-a-profile)',
        '',
      ].join('\n'),
    );
  });
});

describe('lintExitCode', () => {
  const counts = (errors: number, warnings: number) => ({ files: 1, errors, warnings });

  it.each([
    [counts(0, 0), false, undefined, 0],
    [counts(0, 3), false, undefined, 0],
    [counts(1, 0), false, undefined, 1],
    [counts(0, 1), true, undefined, 1],
    [counts(0, 3), false, 3, 0],
    [counts(0, 4), false, 3, 1],
    [counts(0, 1), false, 0, 1],
    [counts(1, 0), false, 10, 1],
  ])('%o strict=%s max-warnings=%s → %i', (c, strict, maxWarnings, code) => {
    expect(lintExitCode(c, { strict, maxWarnings })).toBe(code);
  });

  it('counts errors and warnings over all files', () => {
    expect(countMessages(results)).toEqual({ files: 3, errors: 2, warnings: 1 });
  });
});
