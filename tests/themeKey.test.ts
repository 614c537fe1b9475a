// How theme words compare (src/themes/themeKey.ts). wordKey answers plain ASCII words without its
// replaces: a property test pins it to its full definition for any word.

import fc from 'fast-check';
import { expect, it } from 'vitest';
import { phraseWords, themeKey, wordKey } from '../src/themes/themeKey.js';

/** wordKey as defined: lowercase, curly apostrophes straightened, surrounding punctuation dropped. */
function definedKey(word: string): string {
  return word
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}']+$/gu, '')
    .replace(/'$/, '');
}

it('compares words by case, apostrophes and surrounding punctuation alike', () => {
  expect(['Metrics', 'metrics,', '"metrics"', '(METRICS)'].map(wordKey)).toEqual(['metrics', 'metrics', 'metrics', 'metrics']);
  expect(wordKey('Don’t')).toBe("don't");
  expect(wordKey("leaders'")).toBe('leaders');
  expect(wordKey('—')).toBe('');
  expect(themeKey('Disagree-and-Commit / Bias for Action')).toBe('disagree and commit bias for action');
  expect(phraseWords('  single-threaded  ownership ')).toEqual(['single', 'threaded', 'ownership']);
});

it('gives the defined key for any word', () => {
  const word = fc.array(fc.constantFrom('a', 'Z', '7', 'é', 'İ', 'ß', "'", '’', 'ʼ', '-', '.', ',', '"', '(', ')', ' ', '\u0301', '𝐀', 'K'), { maxLength: 12 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(fc.oneof(word, fc.string()), (w) => {
      expect(wordKey(w)).toBe(definedKey(w));
    }),
    { numRuns: 3000 },
  );
});
