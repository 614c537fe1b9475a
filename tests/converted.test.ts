// Real text browsers' copies of the site's pages (tests/fixtures/converted/, made by
// scripts/convert-fixtures.ts with w3m, lynx, elinks, links, html2text, html2markdown and pandoc) must give the source page's record — and where
// they do not, a diagnostic must say so. Then each failure the converter issue named, pinned.

import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { comparedFields, listConverted, measureDocument, silentlyWrong } from '../scripts/corpusAccuracy.js';
import { parseDocument } from '../src/pipeline/parseDocument.js';
import { configWith } from '../src/config/defaultConfig.js';

const docs = listConverted();
const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');

describe('converted families', () => {
  it('has w3m, lynx and lynx -nolist copies at three widths, and our own templates', () => {
    const families = new Set(docs.map((d) => d.family));
    for (const tool of ['w3m', 'lynx', 'lynx-nolist']) for (const width of [60, 80, 200]) expect(families).toContain(`${tool}-${width}`);
    expect(families).toContain('template-html');
    expect(docs.length).toBeGreaterThan(400);
  });

  it.each([...new Set(docs.map((d) => d.family))])('%s: every field but run-together themes exact, nothing wrong without a diagnostic', (family) => {
    const failures: string[] = [];
    for (const doc of docs.filter((d) => d.family === family)) {
      const result = measureDocument(doc);
      // A role whose case a converter threw away (html-to-text's capitals) can only be inferred (from
      // the prose, where "Editor in chief" may open a sentence, or by title case): it may differ in
      // case only, and only where case-restored says so.
      const caseGuessed = (field: string) =>
        result.diagnostics.some((d) => d.rule === 'case-restored' && d.path === field) &&
        JSON.stringify(result.actual?.[field]).toLowerCase() === JSON.stringify(doc.expected[field]).toLowerCase();
      const wrong = result.wrong.filter((f) => f !== 'themes' && !(f === 'role' && caseGuessed('role')));
      const silent = silentlyWrong(result);
      if (wrong.length > 0 || silent.length > 0) failures.push(`${doc.path}: wrong ${wrong.join(',')} silent ${silent.join(',')}`);
      if (result.actual !== null && !isDeepStrictEqual(result.actual['themes'], doc.expected['themes'])) {
        expect(result.diagnostics.some((d) => d.rule === 'themes-inferred'), `${doc.path}: themes wrong without themes-inferred`).toBe(true);
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);
});

/** The parts of a diagnostic a test pins. */
const where = (rule: string, line: number, column: number, severity = 'warning', path?: string) =>
  expect.objectContaining({ rule, line, column, severity, ...(path === undefined ? {} : { path }) });

const profile = 'Dimension Profile\n\nStrategic Vision 70%\nExecution & Craft 60%\nData & Experimentation 50%\nGrowth & Distribution 40%\nTeam & Leadership 30%\nUser Empathy & Research 20%\n';

describe('the failures the converter issue named', () => {
  it('a navigation run above the name is chrome: the name comes from the name line, flagged as a guess', () => {
    const doc = docs.find((d) => d.path.endsWith('/converted/w3m-80/bill-carr.txt'))!;
    const { actual, diagnostics } = measureDocument(doc);
    expect(actual).toMatchObject({ name: 'Bill Carr', role: { text: 'Former VP of Digital Media at Amazon' } });
    expect(diagnostics).toContainEqual(where('name-guessed', 6, 1));
  });

  it("lynx's link marks and reference list never reach a field", () => {
    const doc = docs.find((d) => d.path.endsWith('/lynx-80/bill-carr.txt'))!;
    const result = measureDocument(doc);
    expect(result.wrong.filter((f) => f !== 'themes')).toEqual([]);
    expect(JSON.stringify(result.actual)).not.toMatch(/\[\d+\]|file:\/\//);
    expect(result.diagnostics).toContainEqual(where('name-guessed', 11, 1));
  });

  it('a page whose only candidate for the name is a menu yields no record, with an error at the menu', () => {
    const text = `ArchetypesLeadersMethodologyTake the Quiz\nHome › Leaders\n\n${profile}\nEpisode Summary\n\nBill Carr explains how Amazon works backwards from the customer.\n`;
    const { record, diagnostics } = parseDocument({ path: 'page.txt', bytes: text });
    expect(record).toBeNull();
    expect(diagnostics).toContainEqual(where('name-unconfirmed', 1, 1, 'error'));
    // With the rule off the page still yields no record named after the menu.
    expect(parseDocument({ path: 'page.txt', bytes: text, config: configWith({ rules: { 'name-unconfirmed': 'off' } }) }).record).toBeNull();
  });

  it('a name-shaped title line that the prose never speaks of is kept, but flagged', () => {
    const text = `Weekly Digest\n\n${profile}\nEpisode Summary\n\nBill Carr explains how Amazon works backwards.\n`;
    const { record, diagnostics } = parseDocument({ path: 'page.txt', bytes: text });
    expect(record?.name).toBe('Weekly Digest');
    expect(diagnostics).toContainEqual(where('name-guessed', 1, 1, 'warning', 'name'));
  });

  it('a title line not shaped like a name, but named by the prose, is kept and flagged', () => {
    const text = `Bill Carr (Amazon)\n\n${profile}\nEpisode Summary\n\nBill Carr explains how Amazon works backwards.\n`;
    const { record, diagnostics } = parseDocument({ path: 'page.txt', bytes: text });
    expect(record?.name).toBe('Bill Carr (Amazon)');
    expect(diagnostics).toContainEqual(where('name-guessed', 1, 1, 'warning', 'name'));
  });

  it('a footer line after the last attribution stays out of the quote', () => {
    const text = `Ada Lovelace\n\n${profile}\nNotable Quotes\n\n"The engine weaves algebraic patterns."\n— On the Analytical Engine and what it\nmight compute\nWant to know how you compare?\nTake the Assessment\n`;
    const { record } = parseDocument({ path: 'page.txt', bytes: text });
    expect(record?.quotes).toEqual([{ text: 'The engine weaves algebraic patterns.', context: 'On the Analytical Engine and what it might compute' }]);
  });

  it('a list item carried onto a hanging indent keeps its continuation', () => {
    const text = `Ada Lovelace\n\n${profile}\nLeadership Principles\n\n  • Hire people who want to grow into\n    leaders\n  • Write it down\n`;
    const { record, diagnostics } = parseDocument({ path: 'page.txt', bytes: text });
    expect(record?.principles).toEqual(['Hire people who want to grow into leaders', 'Write it down']);
    expect(diagnostics.filter((d) => d.rule === 'item-ends-mid-sentence')).toEqual([]);
  });

  it('a list item that stops mid-sentence is flagged where it stands', () => {
    const text = `Ada Lovelace\n\n${profile}\nLeadership Principles\n\n  • Hire people who want to grow into\n\nleaders\n`;
    const { diagnostics } = parseDocument({ path: 'page.txt', bytes: text });
    expect(diagnostics).toContainEqual(where('item-ends-mid-sentence', 14, 5, 'warning', 'principles[0]'));
  });

  it('an attribution wrapped onto a second `> ` line is one attribution, not a new quote', () => {
    const text = `Ada Lovelace\n\n${profile}\nNotable Quotes\n\n> "All of it was developed in one four year period from\n> 2003 to 2007."\n>\n> — On the concentrated period of\n> innovation at Amazon\n`;
    const { record, diagnostics } = parseDocument({ path: 'page.txt', bytes: text });
    expect(record?.quotes).toEqual([{ text: 'All of it was developed in one four year period from 2003 to 2007.', context: 'On the concentrated period of innovation at Amazon' }]);
    expect(diagnostics.filter((d) => d.rule === 'malformed-quote' || d.rule === 'quote-unmarked')).toEqual([]);
  });

  it('a quotation without marks or markup is a guess, flagged at its line', () => {
    const text = `Ada Lovelace\n\n${profile}\nNotable Quotes\n\nShip early and often.\n`;
    const { record, diagnostics } = parseDocument({ path: 'page.txt', bytes: text });
    expect(record?.quotes).toEqual([{ text: 'Ship early and often.', context: null }]);
    expect(diagnostics).toContainEqual(where('quote-unmarked', 14, 1, 'warning', 'quotes[0]'));
  });
});

describe('sections found without their heading', () => {
  it('dimension rows left in the header by a copy that lost the heading are the profile, flagged at the first row', () => {
    const text = `Ada Lovelace\n\nAnalyst at Engine Co\n\n${profile.replace('Dimension Profile\n\n', '')}\nKey Themes\n\nnotes; engines\n`;
    const { record, diagnostics } = parseDocument({ path: 'page.txt', bytes: text });
    expect(record?.dimensions).toHaveLength(6);
    expect(record?.role?.text).toBe('Analyst at Engine Co');
    expect(diagnostics).toContainEqual(where('section-without-heading', 5, 1, 'warning', 'dimensions'));
  });

  it('turning the rule off changes no record', () => {
    const text = `Ada Lovelace\n\n${profile.replace('Dimension Profile\n\n', '')}`;
    const on = parseDocument({ path: 'page.txt', bytes: text });
    const off = parseDocument({ path: 'page.txt', bytes: text, config: configWith({ rules: { 'section-without-heading': 'off', 'name-guessed': 'off', 'quote-unmarked': 'off', 'item-ends-mid-sentence': 'off' } }) });
    expect(off.record).toEqual(on.record);
    expect(off.diagnostics.map((d) => d.rule)).not.toContain('section-without-heading');
  });
});

describe('provenance', () => {
  it('parse --provenance maps every field to the line and column it came from', () => {
    const result = spawnSync(process.execPath, [cli, 'parse', '--provenance', 'tests/fixtures/converted/w3m-80/bill-carr.txt'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(0);
    const { record, provenance } = JSON.parse(result.stdout) as { record: { name: string }; provenance: Record<string, { line: number; column: number }> };
    expect(record.name).toBe('Bill Carr');
    expect(provenance['name']).toMatchObject({ line: 6, column: 1 });
    expect(provenance['role']).toMatchObject({ line: 8, column: 1 });
    expect(provenance['dimensions[0].score']).toMatchObject({ line: 18 });
    for (const field of comparedFields.filter((f) => !['id', 'appearances', 'archetypes'].includes(f))) {
      expect(Object.keys(provenance).some((path) => path === field || path.startsWith(`${field}[`)), field).toBe(true);
    }
  });

  it('validate --format json carries provenance beside each file\'s messages', () => {
    const result = spawnSync(process.execPath, [cli, 'validate', '--format', 'json', 'tests/fixtures/converted/lynx-80/bill-carr.txt'], { cwd: root, encoding: 'utf8' });
    const [file] = JSON.parse(result.stdout) as { path: string; messages: { rule: string }[]; provenance: Record<string, { line: number; column: number }> }[];
    expect(file?.messages.map((m) => m.rule)).toContain('name-guessed');
    expect(file?.provenance['name']).toMatchObject({ line: 11, column: 1 });
  });
});
