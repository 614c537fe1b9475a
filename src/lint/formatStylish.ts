// The stylish format (as ESLint's): diagnostics grouped per file in aligned columns, then a summary line.

import { countMessages } from './LintResult.js';
import type { Formatter } from './formatters.js';

type Style = 'red' | 'yellow' | 'green' | 'dim' | 'underline' | 'bold';

const ansi: Record<Style, [number, number]> = {
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
  dim: [2, 22],
  underline: [4, 24],
  bold: [1, 22],
};

/** Widest message the rule column is aligned after; longer messages are followed directly by their rule. */
export const messageColumnLimit = 60;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const formatStylish: Formatter = (results, { color }) => {
  const paint = (style: Style, text: string): string => (color ? `\u001b[${ansi[style][0]}m${text}\u001b[${ansi[style][1]}m` : text);
  let out = '';
  for (const { path, messages } of results) {
    if (messages.length === 0) continue;
    const rows = messages.map((m) => ({
      where: `${m.line}:${m.column}`,
      severity: m.severity,
      message: m.message.replace(/[\r\n]+/g, ' '),
      rule: m.rule,
    }));
    const whereWidth = Math.max(...rows.map((r) => r.where.length));
    // Align rule ids after the messages, but never past messageColumnLimit: one long message (a
    // themes-inferred list) must not push every rule id of the file hundreds of columns right.
    const messageWidth = Math.min(messageColumnLimit, Math.max(...rows.map((r) => r.message.length)));
    out += `\n${paint('underline', path)}\n`;
    for (const r of rows) {
      const severity = paint(r.severity === 'error' ? 'red' : 'yellow', r.severity.padEnd('warning'.length));
      out += `  ${paint('dim', r.where.padEnd(whereWidth))}  ${severity}  ${r.message.padEnd(messageWidth)}  ${paint('dim', r.rule)}\n`;
    }
  }
  const counts = countMessages(results);
  const problems = counts.errors + counts.warnings;
  if (problems === 0) return `${paint('green', '✔')} ${plural(counts.files, 'file')} checked, no problems\n`;
  const withProblems = results.filter((r) => r.messages.length > 0).length;
  const summary = `✖ ${plural(problems, 'problem')} (${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}) in ${withProblems} of ${plural(counts.files, 'file')}`;
  return `${out}\n${paint('bold', paint(counts.errors > 0 ? 'red' : 'yellow', summary))}\n`;
};
