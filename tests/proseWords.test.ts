// ProseWords answers for one word at a time what a set of the text's wordsOf would answer (chooseName
// asks it for the words of name candidates in a page's prose): the same, for any text and any word.

import fc from 'fast-check';
import { expect, it } from 'vitest';
import { ProseWords, wordsOf } from '../src/extract/ProseWords.js';

it('finds whole words only, by letters, marks, digits and apostrophes', () => {
  const prose = new ProseWords("Ami Vora's team at WhatsApp; Amiable Vorax.\nJean-Luc 2024 Ø 𝐀𝐁 café");
  for (const word of ["Vora's", 'WhatsApp', 'Jean', 'Luc', '2024', 'Ø', '𝐀𝐁', 'café']) expect(prose.has(word)).toBe(true);
  // Only inside longer words: "Vora" in "Vora's" and "Vorax", "Amia" in "Amiable", "𝐀" in "𝐀𝐁", "caf" in "café".
  for (const word of ['Vora', 'Amia', '𝐀', 'caf']) expect(prose.has(word)).toBe(false);
  expect(prose.has('Ami')).toBe(true); // the first word of the text
  expect(new ProseWords(' \n— … ').empty).toBe(true);
  expect(new ProseWords('— a').empty).toBe(false);
});

it('agrees with the set of wordsOf for any text and word', () => {
  const piece = fc.constantFrom('Ami', 'Vora', "o'", '’s', 'É', 'é', '\u0301', '𝐀', '日本', '2', ' ', '-', '.', '\n', '\ud800', '\udc00', 'x');
  const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(text, text, (prose, name) => {
      const set = new Set(wordsOf(prose));
      const asked = new ProseWords(prose);
      expect(asked.empty).toBe(set.size === 0);
      for (const word of [...wordsOf(name), ...wordsOf(prose)]) expect(asked.has(word)).toBe(set.has(word));
    }),
    { numRuns: 2000 },
  );
});
