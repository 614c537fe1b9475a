// The json format: one array of { path, messages, provenance } for every file checked, for tools to read.

import type { Formatter } from './formatters.js';

export const formatJson: Formatter = (results) => {
  const out = results.map((result) => ({
    path: result.path,
    messages: result.messages.map(({ severity, rule, message, line, column, endLine, endColumn }) => ({
      severity,
      rule,
      message,
      line,
      column,
      endLine,
      endColumn,
    })),
    ...(result.provenance === undefined ? {} : { provenance: result.provenance }),
  }));
  return JSON.stringify(out, null, 2) + '\n';
};
