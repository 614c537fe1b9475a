// Converters nobody tuned the parser for when they were first measured (elinks, links, html2text,
// html2markdown, pandoc's plain text; families under tests/fixtures/converted/ made by
// scripts/convert-fixtures.ts): before, elinks copies lost their archetypes into the bio, html2text
// copies were named "PM_Genome", and html2markdown copies kept `->` arrows and link syntax in fields,
// all without a diagnostic. Each shape is pinned here on a small page, with the rule and place of
// any guess. (The whole families are checked by converted.test.ts.)

import { describe, expect, it } from 'vitest';
import { listConverted } from '../scripts/corpusAccuracy.js';
import { parseDocument } from '../src/pipeline/parseDocument.js';

const where = (rule: string, line: number, column: number, field?: string) =>
  expect.objectContaining({ rule, line, column, ...(field === undefined ? {} : { path: field }) });

const dimensions = 'Strategic Vision80%\nExecution & Craft70%\nData & Experimentation50%\nGrowth & Distribution60%\nTeam & Leadership90%\nUser Empathy & Research70%\n';

describe('families of the other converters', () => {
  it('are there, site pages and our templates, at width 80', () => {
    const families = new Set(listConverted().map((d) => d.family));
    for (const tool of ['elinks', 'links', 'html2text', 'html2markdown', 'pandoc-plain']) {
      expect(families).toContain(`${tool}-80`);
      expect(families).toContain(`template-${tool}-80`);
    }
  });
});

describe('link numbers without a reference list (elinks -no-references)', () => {
  const page = `   [1]PM Genome\n   [2]Archetypes[3]Leaders\n\n                                    Ada Lovelace\n\n   Analyst at Babbage & Co\n\n   Wrote the first program.\n\n   [4]The Operator[5]The Craftsperson\n\nDimension Profile\n\n${dimensions}\nEpisode Summary\n\n   Ada Lovelace explains the engine.\n`;

  it('are marks, not text: the chips are archetypes and the bio holds none of them', () => {
    const { record } = parseDocument({ path: 'page.txt', bytes: page });
    expect(record).toMatchObject({ name: 'Ada Lovelace', bio: 'Wrote the first program.', archetypes: ['The Operator', 'The Craftsperson'] });
  });

  it('footnote numbers after a word stay text', () => {
    const prose = `Ada Lovelace\n\nAnalyst at Babbage & Co\n\nWrote the first program[1] and more[2], said [3] sources.\n\nDimension Profile\n\n${dimensions}`;
    const { record } = parseDocument({ path: 'page.txt', bytes: prose });
    expect(record?.bio).toBe('Wrote the first program[1] and more[2], said [3] sources.');
  });
});

describe('html2text: framed headings, underlined links, no blank lines', () => {
  // As html2text writes at width 79: lines filled to the width, no blank line anywhere.
  const bio = 'Wrote the first program for a machine that did not yet exist, translated and\nannotated the memoir of Menabrea on the engine, and saw in it a general-purpose\nmachine for symbols of every kind, music and algebra alike, long before others.';
  const page = `PM_Genome\nArchetypesLeadersMethodology\n****** Ada Lovelace ******\n***** Analyst at Babbage & Co / Former Countess of\nLovelace *****\n${bio}\nThe_OperatorThe_Craftsperson\n***** Dimension Profile *****\n${dimensions}***** Key Themes *****\nanalytical_engine_design poetical_science_as_a_method_of_work notes_on_the\nengine_by_menabrea first_program_for_bernoulli_numbers\n***** Episode Summary *****\nAda Lovelace explains the engine.\n`;

  it('a `******` frame is the title: the menu above is not the name; a wrapped frame is one heading', () => {
    const { record, diagnostics } = parseDocument({ path: 'page.txt', bytes: page });
    expect(record).toMatchObject({ id: 'ada-lovelace', name: 'Ada Lovelace', role: { text: 'Analyst at Babbage & Co / Former Countess of Lovelace' }, bio: bio.replaceAll('\n', ' ') });
    expect(diagnostics.filter((d) => d.rule === 'name-guessed' || d.rule === 'name-unconfirmed')).toEqual([]);
  });

  it('underscored link labels read as words; a row of them is chips, and cuts over a line end are flagged', () => {
    const { record, diagnostics } = parseDocument({ path: 'page.txt', bytes: page });
    expect(record?.archetypes).toEqual(['The Operator', 'The Craftsperson']);
    expect(record?.themes).toEqual(['analytical engine design', 'poetical science as a method of work', 'notes on the engine by menabrea', 'first program for bernoulli numbers']);
    expect(diagnostics).toContainEqual(where('themes-inferred', 18, 1, 'themes'));
  });

  it('a role line run into the bio without a blank line is taken apart, and says so', () => {
    const text = `****** Ada Lovelace ******\nAnalyst & Mathematician at Babbage and Company (Analytical Engine Project)\nWrote the first program for a machine that did not yet exist, translated and\nannotated the memoir of Menabrea on the engine, and saw in it a general-purpose\nmachine for symbols of every kind, music and algebra alike, long before others.\n***** Dimension Profile *****\n${dimensions}***** Episode Summary *****\nAda Lovelace explains the engine.\n`;
    const { record, diagnostics } = parseDocument({ path: 'page.txt', bytes: text });
    expect(record?.role?.text).toBe('Analyst & Mathematician at Babbage and Company (Analytical Engine Project)');
    expect(record?.bio).toMatch(/^Wrote the first program .* long before others\.$/);
    expect(diagnostics).toContainEqual(where('role-guessed', 2, 1, 'role'));
  });

  it('an attribution wrapped after a word no phrase ends with goes on, even onto a quote mark', () => {
    const text = `Ada Lovelace\n\nDimension Profile\n\n${dimensions}\nNotable Quotes\n\n     "The engine weaves algebraic patterns."\n     — On the origin of\n     'Poetical Science'\n`;
    const { record } = parseDocument({ path: 'page.txt', bytes: text });
    expect(record?.quotes).toEqual([{ text: 'The engine weaves algebraic patterns.', context: "On the origin of 'Poetical Science'" }]);
  });
});

describe('html2markdown: wrapped link targets, ASCII arrows, hyphen wraps, wrapped headings', () => {
  const page = `[PM Genome](/pm-genome/)\n\n# Ada Lovelace\n\n## Analyst at Babbage & Co (the Analytical Engine and\nthe Difference Engine)\n\nWrote the first program; a pioneer of machine-\nassisted computing.\n\n[The Operator](/pm-genome/archetypes/the-operator)[The Craftsperson](/pm-\ngenome/archetypes/the-craftsperson)\n\n## Dimension Profile\n\n${dimensions.split('\n').join('\n\n')}\n## Leadership Principles\n\n  * ->Start with the customer\n  * ->Write it down\n\n## Episode Summary\n\nAda Lovelace explains the engine.\n`;

  it('reads the page as the site shows it', () => {
    const { record, diagnostics } = parseDocument({ path: 'page.md', bytes: page });
    expect(record).toMatchObject({
      name: 'Ada Lovelace',
      role: { text: 'Analyst at Babbage & Co (the Analytical Engine and the Difference Engine)' },
      bio: 'Wrote the first program; a pioneer of machine-assisted computing.',
      archetypes: ['The Operator', 'The Craftsperson'],
      principles: ['Start with the customer', 'Write it down'],
    });
    expect(JSON.stringify(record)).not.toMatch(/\]\(|->/);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('html-to-text: headings in capitals, link targets in brackets, a table run together', () => {
  const page = `PM Genome [/pm-genome/]\nLeaders [/pm-genome/leaders]Methodology\n[/pm-genome/methodology]\n\n\nADA LOVELACE\n\nCEO & ANALYST AT BABBAGE AND COMPANY\n\nWrote the first program for a machine that did not yet exist, translated and\nannotated the memoir of Menabrea on the engine, and saw in it a general-purpose\nmachine for symbols of every kind; now CEO of a company of analysts and poets.\n\nThe Operator [/archetypes/the-operator]The Craftsperson\n[/archetypes/the-craftsperson]\n\n\nDIMENSIONS\n\nDimensionScore Strategic Vision80% Execution & Craft70% Data &\nExperimentation50% Growth & Distribution60% Team & Leadership90% User Empathy &\nResearch70%\n\n\nTHEMES\n\nanalytical engine [/t/analytical-engine] poetical science [/t/poetical-science]\nnotes on the engine\n[/t/notes-on-the-engine]\n\n\nSUMMARY\n\nAda Lovelace explains the engine.\n`;

  it('restores the case of a name from the prose, and of a role word by word, each flagged where it stands', () => {
    const { record, diagnostics } = parseDocument({ path: 'page.txt', bytes: page });
    expect(record).toMatchObject({ id: 'ada-lovelace', name: 'Ada Lovelace', role: { text: 'CEO & Analyst at Babbage and Company' } });
    expect(diagnostics).toContainEqual(where('case-restored', 6, 1, 'name'));
    expect(diagnostics).toContainEqual(where('case-restored', 8, 1, 'role'));
  });

  it('drops link targets, and where one stood a chip ends (also when it wrapped onto its own line)', () => {
    const { record } = parseDocument({ path: 'page.txt', bytes: page });
    expect(record?.archetypes).toEqual(['The Operator', 'The Craftsperson']);
    expect(record?.themes).toEqual(['analytical engine', 'poetical science', 'notes on the engine']);
    expect(JSON.stringify(record)).not.toContain('[/');
  });

  it('takes the first dimension from a header run into its row, and says what it dropped', () => {
    const { record, diagnostics } = parseDocument({ path: 'page.txt', bytes: page });
    expect(record?.dimensions.map((d) => d.score)).toEqual([80, 70, 50, 60, 90, 70]);
    expect(diagnostics).toContainEqual(where('dimension-label-trimmed', 20, 1, 'dimensions[0].name'));
  });

  it('a line in capitals that is not a heading between blank lines, or a lynx (BUTTON), stays text', () => {
    const text = `Ada Lovelace\n\nAnalyst at Babbage & Co\n\nWrote the first program.\n(BUTTON)\nNASA AND ESA\nworked with her notes.\n\nDimension Profile\n\n${dimensions}`;
    const { record } = parseDocument({ path: 'page.txt', bytes: text });
    expect(record?.name).toBe('Ada Lovelace');
  });
});
