// foldWhitespace and headingKey take a fast path on common text (already folded; ASCII): property tests
// that it gives exactly what the plain definitions give, on any string.

import fc from 'fast-check';
import { expect, it } from 'vitest';
import { foldWhitespace } from '../src/normalize/foldWhitespace.js';
import { headingKey } from '../src/sections/matchSectionHeading.js';

const pieces = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\u3000', 'a', 'Key', 'THEMES', '&', '02', '·', 'é', 'İ', '\u212a', 'ß', '—', '(3)', 'x');
const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.array(pieces, { maxLength: 12 }).map((p) => p.join('')));

it('foldWhitespace is replace(/\\s+/g, " ").trim()', () => {
  fc.assert(
    fc.property(text, (t) => {
      expect(foldWhitespace(t)).toBe(t.replace(/\s+/g, ' ').trim());
    }),
    { numRuns: 2000 },
  );
});

it('headingKey is the Unicode letters and digits of the lowercased text, & as "and"', () => {
  const reference = (t: string): string => t.toLowerCase().replace(/&/g, ' and ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  fc.assert(
    fc.property(text, (t) => {
      expect(headingKey(t)).toBe(reference(t));
    }),
    { numRuns: 2000 },
  );
});
