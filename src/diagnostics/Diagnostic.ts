// A diagnostic is data: where a fault was seen, by which rule, and how bad it is.

import type { RuleId, Severity } from './rules.js';

export interface Diagnostic {
  severity: Severity;
  rule: RuleId;
  message: string;
  /** 1-based, in the original file. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Record field the message is about, zod-style (`dimensions[2].score`), when there is one. */
  path?: string;
}
