// Quotations with their attributions as other templates write them: on the quote's own line after a
// dash or in parentheses (plain text), and as an unquoted label paragraph after the quotation inside
// one blockquote (Markdown). Before, the first two ran every quote of the section into one and the
// third glued the label into the quote — with no diagnostic.

import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/pipeline/parseDocument.js';

const dims = 'Dimension Profile\n\nStrategic Vision 80%\nExecution & Craft 70%\nData & Experimentation 50%\nGrowth & Distribution 60%\nTeam & Leadership 90%\nUser Empathy & Research 70%\n';
const page = (format: 'txt' | 'md', quotes: string) =>
  `${format === 'md' ? '# ' : ''}Ada Lovelace\n\nAnalyst at Babbage & Co\n\n${format === 'md' ? '## ' : ''}${dims}\n${format === 'md' ? '## ' : ''}Notable Quotes\n\n${quotes}\n`;
const expected = [
  { text: 'The engine weaves algebraic patterns.', context: 'On the engine' },
  { text: 'Poetry is science.', context: 'On method' },
];

describe('attributions', () => {
  it.each([
    ['after a dash on the line (text)', 'txt', '"The engine weaves algebraic patterns." — On the engine\n\n"Poetry is science." — On method'],
    ['in parentheses on the line (text)', 'txt', '"The engine weaves algebraic patterns." (On the engine)\n\n"Poetry is science." (On method)'],
    ['as a label paragraph in the blockquote (Markdown)', 'md', '> "The engine weaves algebraic patterns."\n>\n> *On the engine*\n\n> "Poetry is science."\n>\n> *On method*'],
  ] as const)('%s', (_shape, format, quotes) => {
    const { record, diagnostics } = parseDocument({ path: `a.${format}`, bytes: page(format, quotes) });
    expect(record?.quotes).toEqual(expected);
    expect(diagnostics.filter((d) => d.rule.startsWith('quote') || d.rule === 'malformed-quote')).toEqual([]);
  });

  it('a quotation of two paragraphs stays one quote', () => {
    const { record } = parseDocument({ path: 'a.md', bytes: page('md', '> "The engine weaves algebraic patterns.\n>\n> And it is poetry."\n>\n> — On the engine') });
    expect(record?.quotes).toEqual([{ text: 'The engine weaves algebraic patterns. And it is poetry.', context: 'On the engine' }]);
  });
});
