// The header: name, id, role, bio, archetype chips and appearances, from the blocks before the first section.

import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/pipeline/parseDocument.js';

const profile = ['Dimension Profile', '', 'Strategic Vision 70%', 'Execution & Craft 60%', 'Data & Experimentation 50%', 'Growth & Distribution 40%', 'Team & Leadership 30%', 'User Empathy & Research 20%', ''];

function header(lines: string[], path = 'page.txt') {
  const { record, diagnostics } = parseDocument({ path, bytes: [...lines, '', ...profile].join('\n') });
  return { record, diagnostics };
}

describe('header', () => {
  it.each([
    ['name, role and bio', ['Ada Lovelace', '', 'Analyst at Engine Co', '', 'Wrote the first program.'], { name: 'Ada Lovelace', role: { text: 'Analyst at Engine Co', title: 'Analyst', organization: 'Engine Co' }, bio: 'Wrote the first program.' }],
    ['role with two " at "', ['Ada Lovelace', 'CEO at Ancestry / Former VP Product at Facebook'], { role: { text: 'CEO at Ancestry / Former VP Product at Facebook', title: 'CEO', organization: 'Ancestry / Former VP Product at Facebook' }, bio: null }],
    ['role without an organization', ['Ada Lovelace', 'Independent advisor'], { role: { text: 'Independent advisor', title: 'Independent advisor', organization: null } }],
    ['bio without a role', ['Ada Lovelace', 'Ada wrote the first published program for the Analytical Engine, and explained what such engines could do.'], { role: null, bio: 'Ada wrote the first published program for the Analytical Engine, and explained what such engines could do.' }],
    ['a name ending in "Jr."', ['Martin Luther King Jr.', 'Minister'], { name: 'Martin Luther King Jr.', id: 'martin-luther-king-jr' }],
    ['diacritics folded in the id', ['Gustaf Alströmer', 'Partner at Y Combinator'], { id: 'gustaf-alstromer' }],
    ['navigation lines skipped', ['PM Genome', 'Leaders', '← All Leaders', 'Ada Lovelace', 'Analyst'], { name: 'Ada Lovelace' }],
    ['archetype chips and appearances on separate lines', ['Ada Lovelace', 'Analyst', 'The Operator', 'The Growth Scientist', '3 appearances'], { archetypes: ['The Operator', 'The Growth Scientist'], appearances: 3 }],
    ['archetype chips run together on one line', ['Ada Lovelace', 'Analyst', 'The Visionary The Org Builder 2 appearances'], { archetypes: ['The Visionary', 'The Org Builder'], appearances: 2 }],
  ])('%s', (_name, lines, expected) => {
    const { record } = header(lines);
    expect(record).toMatchObject(expected);
  });

  it('keeps the site slug from the file name when it names the same leader', () => {
    expect(header(['Jessica Lachs', 'VP Analytics at DoorDash'], 'raw/jess-lachs.txt').record?.id).toBe('jess-lachs');
    expect(header(['Jessica Lachs', 'VP Analytics at DoorDash'], 'raw/page-001.txt').record?.id).toBe('jessica-lachs');
    expect(header(['Jessica Lachs', 'VP Analytics at DoorDash'], 'raw/bill-carr.txt').record?.id).toBe('jessica-lachs');
  });

  it('a name that tries to leave the output folder becomes a safe slug, with a warning', () => {
    const { record, diagnostics } = header(['../../etc/x', 'Analyst']);
    expect(record?.id).toBe('etc-x');
    expect(diagnostics).toContainEqual(expect.objectContaining({ rule: 'unsafe-name', line: 1, column: 1, severity: 'warning' }));
  });

  it('reports a missing name at the first section heading when the page starts with it', () => {
    const { record, diagnostics } = parseDocument({ path: 'page.txt', bytes: profile.join('\n') });
    expect(record).toBeNull();
    expect(diagnostics).toContainEqual(expect.objectContaining({ rule: 'missing-name', line: 1, column: 1 }));
  });
});

describe('sections', () => {
  it('warns about an optional section with nothing under it, at its heading', () => {
    const text = ['Ada Lovelace', 'Analyst', '', 'Leadership Principles', '', ...profile, 'Notable Quotes', ''].join('\n');
    const { record, diagnostics } = parseDocument({ path: 'page.txt', bytes: text });
    expect(record?.principles).toEqual([]);
    expect(diagnostics).toContainEqual(expect.objectContaining({ rule: 'empty-section', line: 4, column: 1, severity: 'warning' }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ rule: 'empty-section', line: 15, column: 1, severity: 'warning' }));
  });

  it('warns about an unknown section in the body and ignores its content', () => {
    const text = ['# Ada Lovelace', '', 'Analyst', '', '## Dimension Profile', '', ...profile.slice(2), '## Fun Facts', '', 'Strategic Vision 99%', ''].join('\n');
    const { record, diagnostics } = parseDocument({ path: 'page.md', bytes: text });
    expect(record?.dimensions.find((d) => d.key === 'strategic-vision')?.score).toBe(70);
    expect(diagnostics).toContainEqual(expect.objectContaining({ rule: 'unknown-section', line: 14, column: 1, severity: 'warning' }));
  });
});
