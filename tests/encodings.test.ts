// Encodings with real legacy bytes: what a page declares (<meta charset>, http-equiv Content-Type,
// `encoding:` in front matter) is honoured, an undeclared non-UTF-8 page is read as windows-1252 with a
// located warning, and a field that still holds U+FFFD rejects the page with a located error.

import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/pipeline/parseDocument.js';
import { createLeaderFile } from '../src/file/LeaderFile.js';
import { defaultConfig } from '../src/config/defaultConfig.js';
import { decodeSource } from '../src/read/decodeSource.js';

const name = 'José Martínez';

/** A text page of one leader whose name (and company, "Café Labs") need Latin-1 letters. */
function textPage(who: string): string {
  return `${who}

Head of Product at Café Labs

Led product at two marketplaces before joining Café Labs; writes about pricing and team design.

Dimension Profile

Strategic Vision 70%
Execution & Craft 80%
Data & Experimentation 60%
Growth & Distribution 50%
Team & Leadership 90%
User Empathy & Research 40%

Key Themes

- pricing experiments
- team topology

Episode Summary

${who} explains how small pricing experiments compound and why team shape follows product shape.
`;
}

/** The same page as HTML, with `head` inside <head>. */
function htmlPage(who: string, head: string): string {
  const dims = ['Strategic Vision 70%', 'Execution & Craft 80%', 'Data & Experimentation 60%', 'Growth & Distribution 50%', 'Team & Leadership 90%', 'User Empathy & Research 40%'];
  return `<!doctype html>
<html><head>${head}<title>${who}</title></head>
<body><main>
<h1>${who}</h1>
<p>Head of Product at Café Labs</p>
<p>Led product at two marketplaces before joining Café Labs; writes about pricing and team design.</p>
<h2>Dimension Profile</h2>
<ul>${dims.map((d) => `<li>${d}</li>`).join('')}</ul>
<h2>Key Themes</h2>
<ul><li>pricing experiments</li><li>team topology</li></ul>
<h2>Episode Summary</h2>
<p>${who} explains how small pricing experiments compound and why team shape follows product shape.</p>
</main></body></html>
`;
}

/** windows-1252 / ISO-8859-1 bytes (every character here is below U+0100). */
const latin1 = (text: string): Uint8Array => {
  for (const ch of text) if (ch.codePointAt(0)! > 0xff) throw new Error(`not Latin-1: ${ch}`);
  return Buffer.from(text, 'latin1');
};

const rules = (diagnostics: { rule: string }[]) => diagnostics.map((d) => d.rule);

describe('declared encodings are honoured', () => {
  it.each([
    ['<meta charset="windows-1252">', '<meta charset="windows-1252">'],
    ['<meta charset=ISO-8859-1> (unquoted)', '<meta charset=ISO-8859-1>'],
    ['http-equiv Content-Type', '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'],
  ])('HTML with %s', (_label, head) => {
    const result = parseDocument({ path: 'page.html', bytes: latin1(htmlPage(name, head)) });
    expect(result.record?.name).toBe(name);
    expect(result.record?.summary).toContain('José Martínez explains');
    expect(result.record?.role?.organization ?? result.record?.role?.text).toContain('Café Labs');
    expect(rules(result.diagnostics)).not.toContain('invalid-encoding');
    expect(rules(result.diagnostics)).not.toContain('encoding-guessed');
  });

  it('Markdown front matter `encoding:`', () => {
    const bytes = latin1(`---\ntitle: profile\nencoding: latin1\n---\n\n# ${textPage(name)}`);
    const result = parseDocument({ path: 'page.md', bytes });
    expect(result.record?.name).toBe(name);
    expect(rules(result.diagnostics)).not.toContain('encoding-guessed');
    expect(rules(result.diagnostics)).not.toContain('invalid-encoding');
  });

  it('a byte-order mark wins over a declaration', () => {
    const text = htmlPage(name, '<meta charset="windows-1252">');
    const result = parseDocument({ path: 'page.html', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]) });
    expect(result.record?.name).toBe(name);
    expect(result.diagnostics).toEqual([]);
  });

  it('a page re-saved as UTF-8 that still declares windows-1252 is read as UTF-8, with a warning at the declaration', () => {
    const text = htmlPage(name, '<meta charset="windows-1252">');
    const result = parseDocument({ path: 'page.html', bytes: Buffer.from(text, 'utf8') });
    expect(result.record?.name).toBe(name);
    const warning = result.diagnostics.find((d) => d.rule === 'encoding-guessed');
    expect(warning).toMatchObject({ severity: 'warning', line: 2, column: '<html><head><meta charset="'.length + 1 });
    expect(warning?.message).toContain('declares windows-1252');
  });

  it('an encoding name that does not exist is an invalid-encoding warning at the label', () => {
    const result = parseDocument({ path: 'page.html', bytes: Buffer.from(htmlPage('Dana Okafor', '<meta charset="klingon-8">'), 'utf8') });
    expect(result.diagnostics.find((d) => d.rule === 'invalid-encoding')).toMatchObject({ line: 2, column: '<html><head><meta charset="'.length + 1 });
  });
});

describe('undeclared legacy bytes', () => {
  it('a Latin-1 text page is read as windows-1252: the right name, and a located warning saying so', () => {
    const result = parseDocument({ path: 'page.txt', bytes: latin1(textPage(name)) });
    expect(result.record?.name).toBe(name);
    expect(result.record?.summary).not.toContain('\uFFFD');
    const warning = result.diagnostics.find((d) => d.rule === 'encoding-guessed');
    // The first non-ASCII byte: the é of José, line 1, column 4.
    expect(warning).toMatchObject({ severity: 'warning', line: 1, column: 4 });
    expect(warning?.message).toMatch(/byte 0xe9 reads as "é"/);
  });

  it('a windows-1252 page with curly quotes (0x93/0x94) and an em dash (0x97) reads them as such', () => {
    const text = textPage(name).replace('writes about pricing', 'writes about \u201Cpricing\u201D \u2014');
    const cp1252 = Buffer.from(text.replace('\u201C', '\x93').replace('\u201D', '\x94').replace('\u2014', '\x97'), 'latin1');
    const file = createLeaderFile('page.txt', cp1252, defaultConfig);
    decodeSource(file);
    expect(file.text).toBe(text);
    expect(parseDocument({ path: 'page.txt', bytes: cp1252 }).record?.name).toBe(name);
  });
});

describe('U+FFFD left in a field', () => {
  it('a UTF-8 page with one stray Latin-1 byte in the bio: invalid-encoding, then an error on `bio`, no record', () => {
    const text = textPage(name);
    const cut = text.indexOf('joining Café') + 'joining Caf'.length;
    const bytes = Buffer.concat([Buffer.from(text.slice(0, cut), 'utf8'), Buffer.from([0xe9]), Buffer.from(text.slice(cut + 1), 'utf8')]);
    expect(parseDocument({ path: 'page.txt', bytes: Buffer.from(text, 'utf8') }).record).not.toBeNull();
    const result = parseDocument({ path: 'page.txt', bytes });
    expect(result.record).toBeNull();
    const column = 'Led product at two marketplaces before joining Caf'.length + 1;
    expect(result.diagnostics.find((d) => d.rule === 'invalid-encoding')).toMatchObject({ severity: 'warning', line: 5, column });
    const error = result.diagnostics.find((d) => d.rule === 'replacement-character');
    expect(error).toMatchObject({ severity: 'error', line: 5, column, path: 'bio' });
  });

  it('the rule cannot be turned off (the config check refuses it, and a programmatic config cannot either)', async () => {
    const { validateConfig } = await import('../src/config/validateConfig.js');
    const { configWith } = await import('../src/config/defaultConfig.js');
    expect(validateConfig({ rules: { 'replacement-character': 'off' } }).problems[0]?.message).toMatch(/cannot be changed/);
    expect(configWith({ rules: { 'replacement-character': 'off' } }).severityOf('replacement-character')).toBe('error');
  });
});
