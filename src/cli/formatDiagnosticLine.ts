// One diagnostic as a single, grep-friendly line: path:line:column  severity  message  rule.

import type { Diagnostic } from '../diagnostics/Diagnostic.js';

export function formatDiagnosticLine(path: string, d: Diagnostic): string {
  return `${path}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.rule}`;
}
