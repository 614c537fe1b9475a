// Properties of the whole pipeline: any input → no throw, and every diagnostic is located inside it.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/pipeline/parseDocument.js';
import { LineIndex } from '../src/file/LineIndex.js';

const extensions = ['page.txt', 'page.md', 'page.html', 'page'];

/** Fragments of real pages, so generated inputs reach deep into the extractors. */
const fragment = fc.constantFrom(
  'Bill Carr', 'Former VP at Amazon', 'Dimension Profile', 'Key Themes', 'Episode Summary', 'Leadership Principles',
  'Notable Quotes', 'Strategic Vision 70%', 'Execution & Craft\n90%', 'Charisma 170%', '"Quote text."', '— On context',
  '  • principle', '> "quoted"', '<h1>Name</h1>', '<script>x</script>', '## Key Themes', '| a | b |', '**bold**', '→',
  'The Operator', '2 appearances', '\r\n', '\n\n', '\uFEFF', '&amp;', '<', '"', '%',
);
const page = fc.array(fc.oneof(fragment, fc.string(), fc.string({ unit: 'binary' })), { maxLength: 30 }).map((parts) => parts.join('\n'));

function located(input: Uint8Array | string, path: string): void {
  const result = parseDocument({ path, bytes: input });
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  const lines = new LineIndex(text);
  const last = lines.point(text.length);
  for (const d of result.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(Math.max(1, last.line));
    expect(d.endLine).toBeGreaterThanOrEqual(d.line);
  }
  if (result.record === null) expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
}

describe('parseDocument properties', () => {
  it('never throws and locates every diagnostic, for any string', () => {
    fc.assert(fc.property(page, fc.constantFrom(...extensions), (text, path) => located(text, path)), { numRuns: 300 });
  });

  it('never throws and locates every diagnostic, for any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom(...extensions), (bytes, path) => located(bytes, path)), { numRuns: 300 });
  });
});
