// The plain-text line scanner: block kinds and texts for the many text shapes, and their positions.

import { describe, expect, it } from 'vitest';
import { createLeaderFile } from '../src/file/LeaderFile.js';
import { defaultConfig } from '../src/config/defaultConfig.js';
import { decodeSource } from '../src/read/decodeSource.js';
import { normalizeText } from '../src/normalize/normalizeText.js';

function blocks(text: string) {
  const file = createLeaderFile('page.txt', new TextEncoder().encode(text), defaultConfig);
  decodeSource(file);
  return { file, blocks: normalizeText(file) };
}

function shape(text: string): string[] {
  return blocks(text).blocks.map((b) => `${b.kind}${b.depth ?? ''}: ${b.text}`);
}

describe('normalizeText', () => {
  it.each([
    ['one element per line', 'Bill Carr\nThe Operator\nDimension Profile\nStrategic Vision\n70%', ['line: Bill Carr', 'line: The Operator', 'heading2: Dimension Profile', 'line: Strategic Vision', 'line: 70%']],
    ['upper-cased heading with colon', 'KEY THEMES:\nfocus', ['heading2: KEY THEMES:', 'line: focus']],
    ['setext-underlined heading', 'Bill Carr\n=========\n\nrole', ['heading1: Bill Carr', 'line: role']],
    ['bullet glyphs', '  • one\n- two\n* three\n\t• four\n● five\n· six\n1. seven\n2) eight', ['listItem: one', 'listItem: two', 'listItem: three', 'listItem: four', 'listItem: five', 'listItem: six', 'listItem: seven', 'listItem: eight']],
    ['arrow line before an item', '→\nStart with the customer\n→\nShip weekly', ['listItem: Start with the customer', 'listItem: Ship weekly']],
    ['indented list continuation', '  * first line of a long\n    principle continues\n  * second', ['listItem: first line of a long principle continues', 'listItem: second']],
    ['quote then attribution', '"We took it as faith."\n\n— On faith', ['quote: "We took it as faith."', 'cite: — On faith']],
    ['ascii attribution dash', '"Short."\n-- On brevity', ['quote: "Short."', 'cite: -- On brevity']],
    ['open quote runs over lines and blank lines', '“First part\n\nsecond part.”\n— On it', ['quote: “First part second part.”', 'cite: — On it']],
    ['> quoted lines', '> "One line\n> and the next."\n>\n> — On prefixes', ['quote: "One line and the next."', 'cite: — On prefixes']],
    ['entities decoded, whitespace folded', 'Execution &amp; Craft\u00a0\u00a0 90%', ['line: Execution & Craft 90%']],
  ])('%s', (_name, text, expected) => {
    expect(shape(text)).toEqual(expected);
  });

  it('joins hard-wrapped paragraphs and keeps short lines apart', () => {
    const para = [
      'Grace leads product at Example Corp, where she rebuilt the onboarding',
      'funnel and grew activation by forty percent; before that she ran growth',
      'at two marketplaces and advised a dozen seed-stage founders on pricing.',
    ];
    const text = ['Grace Okafor', '', ...para, '', 'Key Themes', '', 'activation', 'liquidity', '', ...para].join('\n');
    expect(shape(text)).toEqual([
      'line: Grace Okafor',
      `paragraph: ${para.join(' ')}`,
      'heading2: Key Themes',
      'line: activation',
      'line: liquidity',
      `paragraph: ${para.join(' ')}`,
    ]);
  });

  it('does not join lines of a text that is not hard-wrapped', () => {
    expect(shape('a short line\nanother short line\nthird')).toEqual(['line: a short line', 'line: another short line', 'line: third']);
  });

  it('positions point at the content in the original file (BOM, CRLF, indentation)', () => {
    const { file, blocks: out } = blocks('\uFEFFBill Carr\r\n\r\n  • Start here  \r\n"Quote"\r\n');
    const item = out.find((b) => b.kind === 'listItem')!;
    expect(item.position.start).toMatchObject({ line: 3, column: 5 });
    expect(file.text.slice(item.position.start.offset, item.position.end.offset)).toBe('Start here');
    const quote = out.find((b) => b.kind === 'quote')!;
    expect(quote.position.start).toMatchObject({ line: 4, column: 1 });
    expect(quote.position.end).toMatchObject({ line: 4, column: 8 });
  });
});
