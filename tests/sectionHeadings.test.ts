// Which section a heading opens: the configured headings and aliases, compared without case, marks
// or a trailing colon, and also with a section number before them or an item count after them, as
// other site templates write them. A number that is part of the words is not stripped.

import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config/defaultConfig.js';
import { parseDocument } from '../src/pipeline/parseDocument.js';
import { matchSectionHeading } from '../src/sections/matchSectionHeading.js';

describe('matchSectionHeading', () => {
  it.each([
    ['Key Themes', 'themes'],
    ['KEY THEMES:', 'themes'],
    ['## 🎯 Key themes', 'themes'],
    ['02 · Key Themes', 'themes'],
    ['Notable Quotes (3)', 'quotes'],
    ['In Their Own Words', 'quotes'],
    ['Guiding Principles', 'principles'],
    ['Episode Recap', 'summary'],
    ['Dimension Breakdown', 'dimensions'],
  ])('%s → %s', (heading, section) => {
    expect(matchSectionHeading(heading, defaultConfig)).toBe(section);
  });

  it.each(['Top 5 Quotes', '2023 Themes', 'Themes of 2023 and 2024', 'Key Themes in Product Management'])('%s → none', (heading) => {
    expect(matchSectionHeading(heading, defaultConfig)).toBeNull();
  });

  it('a page whose sections are numbered and counted reads as the plain one', () => {
    const page = (h: (name: string, n: number) => string) =>
      `# Ada Lovelace\n\nAnalyst at Babbage & Co\n\n## ${h('Dimension Profile', 6)}\n\n- Strategic Vision 80%\n- Execution & Craft 70%\n- Data & Experimentation 50%\n- Growth & Distribution 60%\n- Team & Leadership 90%\n- User Empathy & Research 70%\n\n## ${h('Key Themes', 2)}\n\n- analytical engines\n- poetical science\n\n## ${h('Notable Quotes', 1)}\n\n> "The engine weaves algebraic patterns."\n> — On the Analytical Engine\n`;
    const plain = parseDocument({ path: 'a.md', bytes: page((name) => name) });
    const numbered = parseDocument({ path: 'a.md', bytes: page((name, n) => `0${n} · ${name} (${n})`) });
    expect(plain.record).not.toBeNull();
    expect({ ...numbered.record, source: null }).toEqual({ ...plain.record, source: null });
    expect(numbered.diagnostics.filter((d) => d.rule === 'unknown-section')).toEqual([]);
  });
});
