// The read stage on bytes: byte-order marks, invalid UTF-8 located at its first bad byte, binary, blank, too large.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configWith } from '../src/config/defaultConfig.js';
import type { PipelineConfig } from '../src/config/PipelineConfig.js';
import { createLeaderFile, type LeaderFile } from '../src/file/LeaderFile.js';
import { decodeSource } from '../src/read/decodeSource.js';
import { firstInvalidUtf8 } from '../src/read/firstInvalidUtf8.js';

function decode(bytes: Uint8Array | number[], config: PipelineConfig = configWith()): LeaderFile {
  const file = createLeaderFile('page.txt', Uint8Array.from(bytes), config);
  decodeSource(file);
  return file;
}

const utf8 = (text: string): number[] => [...new TextEncoder().encode(text)];
const utf16le = (text: string): number[] => [...Buffer.from(text, 'utf16le')];
const utf16be = (text: string): number[] => [...Buffer.from(text, 'utf16le').swap16()];

function located(file: LeaderFile): { rule: string; severity: string; line: number; column: number }[] {
  return file.messages.map(({ rule, severity, line, column }) => ({ rule, severity, line, column }));
}

describe('decodeSource', () => {
  const page = 'Dana Okafor\r\n\r\nHead of Product at Café Labs — “quoted” 😀\n';

  it.each([
    ['UTF-8', utf8(page)],
    ['UTF-8 with BOM', [0xef, 0xbb, 0xbf, ...utf8(page)]],
    ['UTF-16LE with BOM', [0xff, 0xfe, ...utf16le(page)]],
    ['UTF-16BE with BOM', [0xfe, 0xff, ...utf16be(page)]],
  ])('decodes %s to the same text, without the BOM', (_name, bytes) => {
    const file = decode(bytes);
    expect(file.text).toBe(page);
    expect(file.messages).toEqual([]);
    expect(file.fatal).toBe(false);
    expect(file.lines.point(file.text.indexOf('Head')).line).toBe(3);
  });

  it('warns about an odd trailing byte in UTF-16', () => {
    const file = decode([0xff, 0xfe, ...utf16le('Dana\nOkafor'), 0x41]);
    expect(file.text).toBe('Dana\nOkafor\uFFFD');
    expect(located(file)).toEqual([{ rule: 'invalid-encoding', severity: 'warning', line: 2, column: 7 }]);
  });

  it.each([
    // (A file whose only non-ASCII bytes are Latin-1 is read as windows-1252: see encodings.test.ts.
    // Here the file also holds UTF-8 characters, so it is UTF-8 with a bad byte.)
    ['a Latin-1 byte', [...utf8('Dana Okafor — \nCaf'), 0xe9, ...utf8(' Labs')], 2, 4],
    ['a bad byte after astral and BMP characters (columns count UTF-16 units)', [...utf8('é€😀'), 0xff], 1, 5],
    ['an overlong encoding', [...utf8('ab\n\ncd'), 0xc0, 0x80], 3, 3],
    ['an encoded surrogate', [...utf8('x'), 0xed, 0xa0, 0x80, ...utf8('y')], 1, 2],
    ['a sequence cut off at the end', [...utf8('Dana\n'), 0xe2, 0x82], 2, 1],
    ['a stray continuation byte', [...utf8('Dàna\r\nOk'), 0x80, ...utf8('afor')], 2, 3],
    ['a code point above U+10FFFF', [...utf8('\n\n\nx'), 0xf4, 0x90, 0x80, 0x80], 4, 2],
    ['a genuine U+FFFD before the bad byte', [...utf8('\uFFFD ok\n  '), 0xfe], 2, 3],
  ])('replaces invalid UTF-8 (%s) and warns at the first bad byte', (_name, bytes, line, column) => {
    const file = decode(bytes);
    expect(file.fatal).toBe(false);
    expect(file.text).toContain('\uFFFD');
    expect(located(file)).toEqual([{ rule: 'invalid-encoding', severity: 'warning', line, column }]);
    expect(file.messages[0]?.message).toMatch(/^File is not valid UTF-8: byte 0x[0-9a-f]{2} at offset \d+ \(line \d+, column \d+\)/);
  });

  it('counts the UTF-8 BOM in the reported byte offset', () => {
    const file = decode([0xef, 0xbb, 0xbf, ...utf8('ab'), 0xff]);
    expect(file.messages[0]?.message).toContain('byte 0xff at offset 5');
    expect(located(file)).toEqual([{ rule: 'invalid-encoding', severity: 'warning', line: 1, column: 3 }]);
  });

  it('agrees with a strict decoder about what is valid UTF-8, and finds a valid prefix', () => {
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const valid = (bytes: Uint8Array): boolean => {
      try {
        strict.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    const mostlyText = fc.array(fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }), fc.constantFrom(0xc0, 0xc3, 0xa9, 0xe0, 0xe2, 0x80, 0x94, 0xbf, 0xed, 0xa0, 0xf0, 0x9f, 0xf4, 0x90)), { maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 40 }), mostlyText.map((a) => Uint8Array.from(a)), fc.string({ unit: 'binary' }).map((s) => new TextEncoder().encode(s))), (bytes) => {
        const at = firstInvalidUtf8(bytes);
        expect(at === -1).toBe(valid(bytes));
        if (at !== -1) expect(valid(bytes.subarray(0, at))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws, and locates every message inside the decoded text', () => {
    const boms = fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]);
    fc.assert(
      fc.property(boms, fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 0, max: 300 }), (bom, body, limit) => {
        const file = decode([...bom, ...body], configWith({ maxFileBytes: limit }));
        const lines = file.text.split(/\r\n|\r|\n/);
        for (const m of file.messages) {
          expect(m.line).toBeGreaterThanOrEqual(1);
          expect(m.line).toBeLessThanOrEqual(lines.length);
          expect(m.column).toBeGreaterThanOrEqual(1);
          expect(m.column).toBeLessThanOrEqual((lines[m.line - 1]?.length ?? 0) + 1);
        }
        expect(file.fatal).toBe(file.messages.some((m) => m.severity === 'error'));
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['a PNG header', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]],
    ['UTF-16 without a BOM', utf16le('Dana Okafor\n')],
    ['control bytes', Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))],
  ])('refuses binary input: %s', (_name, bytes) => {
    const file = decode(bytes);
    expect(file.fatal).toBe(true);
    expect(located(file)).toEqual([{ rule: 'binary-input', severity: 'error', line: 1, column: 1 }]);
  });

  it('keeps text with tabs, form feeds and ANSI escapes', () => {
    const file = decode(utf8('Dana\tOkafor\f\n\u001b[1mHead of Product\u001b[0m\n'));
    expect(file.fatal).toBe(false);
    expect(file.messages).toEqual([]);
  });

  it.each([
    ['an empty file', [], 'File is empty.'],
    ['blank lines and tabs', utf8('  \n\t\r\n \u00a0 \n'), 'File holds only whitespace.'],
    ['a lone UTF-8 BOM', [0xef, 0xbb, 0xbf], 'File holds only a byte-order mark.'],
    ['UTF-16 whitespace', [0xff, 0xfe, ...utf16le(' \n \n')], 'File holds only whitespace.'],
  ])('rejects %s as empty input', (_name, bytes, message) => {
    const file = decode(bytes);
    expect(file.fatal).toBe(true);
    expect(file.messages).toEqual([{ severity: 'error', rule: 'empty-input', message, line: 1, column: 1, endLine: 1, endColumn: 1 }]);
  });

  it('refuses bytes over maxFileBytes without decoding them', () => {
    const file = decode(utf8('x'.repeat(101)), configWith({ maxFileBytes: 100 }));
    expect(file.fatal).toBe(true);
    expect(file.text).toBe('');
    expect(located(file)).toEqual([{ rule: 'file-too-large', severity: 'error', line: 1, column: 1 }]);
  });

  it('takes rule severities from the config', () => {
    const bytes = [...utf8('Dàna '), 0xff];
    expect(located(decode(bytes, configWith({ rules: { 'invalid-encoding': 'error' } })))[0]?.severity).toBe('error');
    const off = decode(bytes, configWith({ rules: { 'invalid-encoding': 'off' } }));
    expect(off.messages).toEqual([]);
    expect(off.text).toBe('Dàna \uFFFD');
    expect(located(decode([], configWith({ rules: { 'empty-input': 'warn' } })))[0]?.severity).toBe('warning');
  });
});
