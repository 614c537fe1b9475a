// The github format: workflow commands that GitHub Actions turns into annotations on the changed lines.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions

import type { Formatter } from './formatters.js';

/** Escapes for a command's message: %, CR and LF would otherwise end or corrupt the command. */
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Property values also cannot hold the `:` and `,` that delimit properties. */
function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

export const formatGithub: Formatter = (results) => {
  let out = '';
  for (const { path, messages } of results) {
    for (const m of messages) {
      const command = m.severity === 'error' ? 'error' : 'warning';
      const where = `file=${escapeProperty(path)},line=${m.line},col=${m.column},endLine=${m.endLine},endColumn=${m.endColumn},title=${escapeProperty(m.rule)}`;
      out += `::${command} ${where}::${escapeData(`${m.message} (${m.rule})`)}\n`;
    }
  }
  return out;
};
