import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ThemeLexicon } from '../src/themes/ThemeLexicon.js';

describe('ThemeLexicon', () => {
  it('matches themes regardless of case, hyphens and spacing, keeping the first display form', () => {
    const lexicon = ThemeLexicon.from(['disagree and commit', 'Single-threaded leadership']);
    expect(lexicon.has('Disagree-and-Commit')).toBe(true);
    expect(lexicon.has('single  threaded leadership')).toBe(true);
    expect(lexicon.get('SINGLE THREADED LEADERSHIP')).toBe('Single-threaded leadership');
    expect(lexicon.add('disagree-and-commit')).toBe(false);
    expect(lexicon.add('  ')).toBe(false);
    expect(lexicon.has('disagree')).toBe(false);
    expect(lexicon.size).toBe(2);
    expect(lexicon.themes()).toEqual(['disagree and commit', 'Single-threaded leadership']);
  });

  it('counts which words start and end known themes', () => {
    const lexicon = ThemeLexicon.from(['growth team structure', 'community-driven growth', 'growth loops']);
    expect(lexicon.roleOf('growth')).toEqual({ seen: 3, starts: 2, ends: 1 });
    expect(lexicon.hasInnerPair('team', 'structure')).toBe(true);
    expect(lexicon.hasInnerPair('structure', 'community')).toBe(false);
    expect(lexicon.wordCount).toBe(8);
  });

  it('loads a JSON array of strings and reports anything else', () => {
    expect(ThemeLexicon.fromJson('["a b", "c"]').lexicon.size).toBe(2);
    const mixed = ThemeLexicon.fromJson('["a b", 3, null]');
    expect(mixed.lexicon.size).toBe(1);
    expect(mixed.problem).toMatch(/2 entries/);
    expect(ThemeLexicon.fromJson('{"a": 1}').problem).toMatch(/array/);
    expect(ThemeLexicon.fromJson('not json').problem).toMatch(/not JSON/);
  });

  it('reads a lexicon file, and reports a missing one', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lexicon-'));
    const file = join(folder, 'themes.json');
    writeFileSync(file, JSON.stringify(['customer obsession', 'tarpit ideas']));
    const read = ThemeLexicon.fromJsonFile(file);
    expect(read.problem).toBeNull();
    expect(read.lexicon.has('Tarpit ideas')).toBe(true);
    const missing = ThemeLexicon.fromJsonFile(join(folder, 'nope.json'));
    expect(missing.lexicon.size).toBe(0);
    expect(missing.problem).toMatch(/cannot read/);
  });

  it('serialises to the list of display forms', () => {
    expect(JSON.stringify(ThemeLexicon.from(['b c', 'a']))).toBe('["b c","a"]');
  });
});
