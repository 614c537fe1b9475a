// Per-rule severity overrides from pipeline.config.ts (`rules`): resolveConfig's severityOf, and its effect on a parse.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configWith, defaultConfig } from '../src/config/defaultConfig.js';
import { resolveConfig } from '../src/config/defineConfig.js';
import { ruleIds, rules } from '../src/diagnostics/rules.js';
import { parseDocument } from '../src/pipeline/parseDocument.js';

describe('severityOf', () => {
  it('uses each rule’s default severity when the config says nothing', () => {
    for (const id of ruleIds) expect(defaultConfig.severityOf(id)).toBe(rules[id].defaultSeverity);
  });

  it("maps 'off' to null, 'warn' to warning and 'error' to error, for that rule only", () => {
    const config = configWith({ rules: { 'unknown-section': 'off', 'missing-dimension': 'error', 'empty-input': 'warn' } });
    expect(config.severityOf('unknown-section')).toBeNull();
    expect(config.severityOf('missing-dimension')).toBe('error');
    expect(config.severityOf('empty-input')).toBe('warning');
    expect(config.severityOf('unknown-dimension')).toBe('warning');
    expect(config.severityOf('not-a-profile')).toBe('error');
  });

  it('merges user rules over the defaults’ rules rather than replacing them', () => {
    const base = configWith({ rules: { 'unknown-section': 'off' } });
    const merged = resolveConfig(base, { rules: { 'themes-inferred': 'error' } });
    expect(merged.severityOf('unknown-section')).toBeNull();
    expect(merged.severityOf('themes-inferred')).toBe('error');
  });
});

describe('overrides in a parse', () => {
  const bytes = readFileSync(join(import.meta.dirname, 'fixtures', 'hostile', 'unknown-dimension.txt'));
  const parse = (setting?: 'off' | 'warn' | 'error') =>
    parseDocument({ path: 'raw/unknown-dimension.txt', bytes, config: configWith(setting === undefined ? {} : { rules: { 'unknown-dimension': setting } }) });

  it('a warning by default: reported, and the record survives', () => {
    const result = parse();
    expect(result.diagnostics.filter((d) => d.rule === 'unknown-dimension').map((d) => d.severity)).toEqual(['warning']);
    expect(result.record).not.toBeNull();
  });

  it("'error' rejects the page", () => {
    const result = parse('error');
    expect(result.diagnostics.filter((d) => d.rule === 'unknown-dimension').map((d) => d.severity)).toEqual(['error']);
    expect(result.record).toBeNull();
  });

  it("'off' drops the message and keeps the record", () => {
    const result = parse('off');
    expect(result.diagnostics.map((d) => d.rule)).not.toContain('unknown-dimension');
    expect(result.record).not.toBeNull();
  });
});
