// The json format: one array of { path, messages, provenance } for every file checked, for tools to read.
// `path` is the file; a message's record field (zod-style, `dimensions[2].score`) is `field`.

import type { Formatter } from './formatters.js';

export const formatJson: Formatter = (results) => {
  const out = results.map((result) => ({
    path: result.path,
    messages: result.messages.map(({ severity, rule, message, line, column, endLine, endColumn, path }) => ({
      severity,
      rule,
      message,
      line,
      column,
      endLine,
      endColumn,
      field: path ?? null,
    })),
    ...(result.provenance === undefined ? {} : { provenance: result.provenance }),
  }));
  return JSON.stringify(out, null, 2) + '\n';
};
