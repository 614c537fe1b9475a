// Generates docs/rules.md from the rule table in src/diagnostics/rules.ts (`npm run docs:rules`).
// tests/validateRulesDoc.test.ts fails when the committed file and the table drift apart.

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ruleIds, rules, type RuleId, type RuleInfo } from '../src/diagnostics/rules.js';

export const rulesDocPath = 'docs/rules.md';

/** Examples in the table spell line breaks as `\n`; a parenthesised example describes input rather than quoting it. */
function renderExample(example: string): string {
  if (example.startsWith('(')) return `Example: ${example.slice(1, -1)}.`;
  const lines = example.split('\\n');
  const fence = '```';
  return `Example:\n\n${fence}text\n${lines.join('\n')}\n${fence}`;
}

function renderRule(id: RuleId): string {
  const rule: RuleInfo = rules[id];
  const notes = [
    rule.fixed === undefined ? '' : ` The config cannot change it: ${rule.fixed}.`,
    rule.drops === undefined ? '' : ` When the page is still written, ${rule.drops}; with the rule \`'off'\`, a \`value-dropped\` warning reports it instead.`,
  ].join('');
  return `## \`${id}\`\n\n${rule.description}\n\nDefault severity: **${rule.defaultSeverity}**.${notes}\n\n${renderExample(rule.example)}\n`;
}

export function renderRulesDoc(): string {
  const index = ruleIds.map((id) => `| [\`${id}\`](#${id}) | ${rules[id].defaultSeverity} | ${rules[id].description} |`).join('\n');
  return `<!-- Generated from src/diagnostics/rules.ts by scripts/rulesDoc.ts (npm run docs:rules). Do not edit. -->

# Rules

Every diagnostic that \`leaderpages parse\`, \`ingest\` and \`validate\` report carries one of these rule ids,
with the line and column (1-based, in the original file) where the fault was seen.

Change a rule's severity per project in \`pipeline.config.ts\`:

\`\`\`ts
export default defineConfig({
  rules: { 'unknown-section': 'off', 'missing-dimension': 'error', 'themes-inferred': 'warn' },
});
\`\`\`

\`'off'\` drops the rule's messages, \`'warn'\` makes them warnings, \`'error'\` makes them errors. An error
means the page yields no record; \`validate\` exits 1 on any error (and on warnings with \`--strict\`,
or more than N with \`--max-warnings N\`). \`read-error\` and \`file-too-large\` always stop a file: it
cannot be read, whatever the setting.

Turning a rule off never changes a record, and never hides a value left out of one: a rule that can
let a page through without a value (marked below) says so in its message, and when it is \`'off'\` the
always-on \`value-dropped\` warning reports the same thing at the same place. \`replacement-character\`
and \`value-dropped\` cannot be changed by the config (the config check says so, exit 2).

| rule | default | description |
| --- | --- | --- |
${index}

${ruleIds.map(renderRule).join('\n')}`;
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  // npm scripts run at the package root.
  const target = resolve(process.cwd(), rulesDocPath);
  writeFileSync(target, renderRulesDoc());
  process.stderr.write(`wrote ${rulesDocPath}\n`);
}
