// A value left out of a record always has a diagnostic, whatever the severities: a rule that lets the
// page through without a value says so in its message, and turned off, value-dropped speaks for it.

import { describe, expect, it } from 'vitest';
import { configWith } from '../src/config/defaultConfig.js';
import { rules, ruleIds, type RuleId, type RuleInfo } from '../src/diagnostics/rules.js';
import { parseDocument } from '../src/pipeline/parseDocument.js';

const page = `Dana Okafor

Head of Product at Example Labs

Led product at two marketplaces before joining Example Labs; writes about pricing and team design.

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

Notable Quotes

"Small bets compound."
— On pricing

Episode Summary

Dana Okafor explains how small pricing experiments compound and why team shape follows product shape.
`;

const markdown = `# ${page.replace(/\n(Dimension Profile|Key Themes|Notable Quotes|Episode Summary)\n/g, '\n## $1\n')}`;

/** For each rule that can drop a value: the page changed to trigger it, and the line it is reported on. */
const triggers: Record<string, [text: string, line: number]> = {
  'percentage-out-of-range': [page.replace('Growth & Distribution 50%', 'Growth & Distribution 170%'), 12],
  'malformed-percentage': [page.replace('Growth & Distribution 50%', 'Growth & Distribution fifty%'), 12],
  'unknown-dimension': [page.replace('User Empathy & Research 40%', 'User Empathy & Research 40%\nCharisma 95%'), 15],
  'duplicate-dimension': [page.replace('User Empathy & Research 40%', 'User Empathy & Research 40%\nStrategic Vision 20%'), 15],
  // A Markdown page, where any heading is a section heading.
  'unknown-section': [markdown.replace('## Episode Summary', '## Fun Facts\n\nLikes chess.\n\n## Episode Summary'), markdown.split('\n').indexOf('## Episode Summary') + 1],
  'malformed-quote': [page.replace('"Small bets compound."\n— On pricing', '— On pricing\n\n"Small bets compound."'), 23],
};

const dropping = ruleIds.filter((id) => (rules[id] as RuleInfo).drops !== undefined);

function parse(text: string, setting: 'off' | 'warn' | 'error', rule: RuleId) {
  const path = text.startsWith('# ') ? 'page.md' : 'page.txt';
  return parseDocument({ path, bytes: text, config: configWith({ rules: { [rule]: setting } }) });
}

describe('values left out of a record', () => {
  it('every rule that can drop a value has a trigger here', () => {
    expect(dropping.sort()).toEqual(Object.keys(triggers).sort());
    expect(parseDocument({ path: 'page.txt', bytes: page }).diagnostics).toEqual([]);
    expect(parseDocument({ path: 'page.md', bytes: markdown }).diagnostics).toEqual([]);
  });

  it.each(dropping)('%s at warn: the record is written, and the message says what was left out', (rule) => {
    const [text, line] = triggers[rule]!;
    const result = parse(text, 'warn', rule);
    expect(result.record).not.toBeNull();
    const said = result.diagnostics.filter((d) => d.rule === rule);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ severity: 'warning', line });
    expect(said[0]?.message).toMatch(/left out|ignored|is kept/i);
  });

  it.each(dropping)('%s off: the same record, and a value-dropped warning at the same place', (rule) => {
    const [text, line] = triggers[rule]!;
    const warned = parse(text, 'warn', rule);
    const off = parse(text, 'off', rule);
    expect(off.record).toEqual(warned.record);
    expect(off.diagnostics.filter((d) => d.rule === rule)).toEqual([]);
    const stand = off.diagnostics.filter((d) => d.rule === 'value-dropped');
    expect(stand).toHaveLength(1);
    expect(stand[0]).toMatchObject({ severity: 'warning', line, column: warned.diagnostics.find((d) => d.rule === rule)?.column });
    expect(stand[0]?.message).toContain(`${rule} is off`);
  });

  it('percentage-out-of-range: warn keeps the page without Growth & Distribution, located at the score', () => {
    const result = parse(triggers['percentage-out-of-range']![0], 'warn', 'percentage-out-of-range');
    expect(result.record?.dimensions.map((d) => d.key)).not.toContain('growth-distribution');
    expect(result.diagnostics.find((d) => d.rule === 'percentage-out-of-range')).toMatchObject({ line: 12, column: 23, path: 'dimensions[3].score' });
    expect(result.diagnostics.find((d) => d.rule === 'percentage-out-of-range')?.message).toBe('`dimensions[3].score`: 170 is over 100. The dimension is left out of the record.');
  });

  it('value-dropped itself cannot be turned off or downgraded', async () => {
    const { validateConfig } = await import('../src/config/validateConfig.js');
    expect(validateConfig({ rules: { 'value-dropped': 'off' } }).problems[0]?.message).toMatch(/cannot be changed/);
    expect(configWith({ rules: { 'value-dropped': 'off' } }).severityOf('value-dropped')).toBe('warning');
  });
});
