// Duplicate leader ids across one run's sources: the first source by path keeps the id, every later
// one is rejected with this diagnostic. Used by ingest's writer and by validate, so both say the same.

import type { PipelineConfig } from '../config/PipelineConfig.js';
import type { Diagnostic } from '../diagnostics/Diagnostic.js';

export function duplicateIdDiagnostic(config: PipelineConfig, id: string, ownerPath: string): Diagnostic {
  return {
    // A duplicate is never written, whatever the setting, so an 'off' rule still reports it (as an error).
    severity: config.severityOf('duplicate-id') ?? 'error',
    rule: 'duplicate-id',
    message: `Leader id "${id}" is already produced by ${ownerPath}, which comes first by path; this source is skipped.`,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
  };
}

/** Ids claimed so far in a run (sources must be offered in path order). */
export class IdClaims {
  readonly #owners = new Map<string, string>();

  /** The path that already owns `id`, or null when `path` now owns it. */
  claim(path: string, id: string): string | null {
    const owner = this.#owners.get(id);
    if (owner !== undefined && owner !== path) return owner;
    this.#owners.set(id, path);
    return null;
  }
}
