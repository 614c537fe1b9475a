// Lists written with bullet glyphs a template chose (✓ ✅ ◆ ▸ ❯ ① ⇒ …), in plain text and in Markdown
// (where CommonMark reads `• a` ⏎ `• b` as one paragraph): one item a line, the glyph gone. Footer
// symbols (©) are not bullets.

import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/pipeline/parseDocument.js';

const dims = 'Dimension Profile\n\nStrategic Vision 80%\nExecution & Craft 70%\nData & Experimentation 50%\nGrowth & Distribution 60%\nTeam & Leadership 90%\nUser Empathy & Research 70%\n';

function page(format: 'txt' | 'md', glyph: string): string {
  const h = format === 'md' ? '## ' : '';
  return `${format === 'md' ? '# ' : ''}Ada Lovelace\n\nAnalyst at Babbage & Co\n\n${h}${dims}\n${h}Leadership Principles\n\n${glyph} Start with the customer\n${glyph} Write it down\n${glyph} Hire for slope\n\n${h}Notable Quotes\n\n"The engine weaves algebraic patterns."\n— On the Analytical Engine\n\n© 2024 PM Genome\n`;
}

describe.each(['txt', 'md'] as const)('bullet glyphs in %s', (format) => {
  it.each(['✓', '✅', '◆', '▸', '❯', '①', '⇒', '•'])('%s marks items', (glyph) => {
    const { record } = parseDocument({ path: `a.${format}`, bytes: page(format, glyph) });
    expect(record?.principles).toEqual(['Start with the customer', 'Write it down', 'Hire for slope']);
    expect(record?.quotes).toEqual([{ text: 'The engine weaves algebraic patterns.', context: 'On the Analytical Engine' }]);
  });
});
