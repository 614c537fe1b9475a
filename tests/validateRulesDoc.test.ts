// docs/rules.md is generated from the rule table; this fails when they drift (run `npm run docs:rules`).

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRulesDoc, rulesDocPath } from '../scripts/rulesDoc.js';
import { ruleIds, rules } from '../src/diagnostics/rules.js';

const root = resolve(import.meta.dirname, '..');

describe('docs/rules.md', () => {
  it('is exactly what scripts/rulesDoc.ts generates from src/diagnostics/rules.ts', () => {
    expect(readFileSync(join(root, rulesDocPath), 'utf8')).toBe(renderRulesDoc());
  });

  it('documents every rule with its id, description, default severity and example', () => {
    const doc = renderRulesDoc();
    for (const id of ruleIds) {
      const section = doc.slice(doc.indexOf(`## \`${id}\``));
      expect(section, id).toContain(rules[id].description);
      expect(section, id).toContain(`Default severity: **${rules[id].defaultSeverity}**.`);
      expect(section, id).toContain('Example');
    }
    expect(doc).toContain('Strategic Vision 70%\nStrategic Vision 80%');
  });
});
