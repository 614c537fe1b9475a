// The linter's exit-code policy: errors always fail; warnings fail with --strict or past --max-warnings.

import { ExitCode } from '../cli/Command.js';
import type { LintCounts } from './LintResult.js';

export interface ExitPolicy {
  strict: boolean;
  /** Most warnings allowed; undefined for no limit. */
  maxWarnings: number | undefined;
}

export function lintExitCode(counts: LintCounts, policy: ExitPolicy): number {
  if (counts.errors > 0) return ExitCode.failed;
  if (policy.strict && counts.warnings > 0) return ExitCode.failed;
  if (policy.maxWarnings !== undefined && counts.warnings > policy.maxWarnings) return ExitCode.failed;
  return ExitCode.ok;
}
