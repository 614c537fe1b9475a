// What the linter found in one source: its path and its diagnostics, in source order.

import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import type { FieldSource } from '../pipeline/parseDocument.js';

export interface LintResult {
  path: string;
  messages: Diagnostic[];
  /** Where each extracted field came from (absent when the file could not be read). */
  provenance?: Record<string, FieldSource>;
}

export interface LintCounts {
  files: number;
  errors: number;
  warnings: number;
}

export function countMessages(results: readonly LintResult[]): LintCounts {
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    for (const message of result.messages) {
      if (message.severity === 'error') errors++;
      else warnings++;
    }
  }
  return { files: results.length, errors, warnings };
}
