// The text-marks table, class by class: what each named pattern accepts and refuses.

import { describe, expect, it } from 'vitest';
import { arrowOnly, attributionStart, gluedArrow, itemStart, linkReference, listMarker, quoteClose, quoteOpen, referenceEntry } from '../src/text/textMarks.js';
import { stripMarker } from '../src/extract/stripMarker.js';
import { endsMidSentence } from '../src/extract/endsMidSentence.js';
import { isPersonName } from '../src/extract/chooseName.js';

describe('text marks', () => {
  it.each([
    [listMarker, ['• a', '· a', '- a', '* a', '1. a', '12) a', '(3) a', '→ a', '➤ a'], ['a', '-a', '1.5 a', '— a']],
    [gluedArrow, ['→Start', '➜Go'], ['→ ', '-Start', 'Start']],
    [itemStart, ['• a', '3. a', '- a'], ['a', '—a', '70%']],
    [arrowOnly, ['→', '->', '&rarr;', '➔'], ['→ a', '-']],
    [attributionStart, ['— On', '– On', '-- On', '― On'], ['- On', 'On']],
    [quoteOpen, ['"a', '“a', '«a', '„a'], ["'a", 'a"']],
    [quoteClose, ['a"', 'a”', 'a»', 'a’'], ['a', '"a']],
    [referenceEntry, ['1. https://example.com/a', '12. file:///pm-genome/', 'http://x.y'], ['1. Home', 'see https://x.y', 'https://x.y and more']],
  ] as const)('%s', (pattern, accepted, refused) => {
    for (const text of accepted) expect(pattern.test(text), text).toBe(true);
    for (const text of refused) expect(pattern.test(text), text).toBe(false);
  });

  it('finds link-reference marks wherever a text browser put them', () => {
    expect([...'[1]PM Genome [12]Leaders of [3]x'.matchAll(linkReference)].map((m) => m[1])).toEqual(['1', '12', '3']);
  });

  it.each([
    ['• →Start with the customer', 'Start with the customer'],
    ['* → Start', 'Start'],
    ['1. • Text', 'Text'],
    ['- 70%', '70%'],
  ])('stripMarker(%j) = %j', (input, output) => expect(stripMarker(input)).toBe(output));

  it.each([
    ['Hire people who want to grow into', 'its last word is "into"'],
    ['Ship it, then', null],
    ['Customer first,', 'it ends with ","'],
    ['Start with the customer — ', 'it ends with "—"'],
    ['Write it down', null],
  ])('endsMidSentence(%j)', (text, why) => expect(endsMidSentence(text)).toBe(why));

  it.each([
    ['Bill Carr', true],
    ['Dr. Fei-Fei Li', true],
    ['Ludwig van Beethoven', true],
    ['Martin Luther King Jr.', true],
    ['ArchetypesLeadersMethodologyTake the Quiz', false],
    ['Home › Leaders', false],
    ['Former VP of Digital Media at Amazon', false],
    ['Leaders', false],
    ['Take the Quiz', false],
  ])('isPersonName(%j) = %s', (text, shaped) => expect(isPersonName(text)).toBe(shaped));
});
