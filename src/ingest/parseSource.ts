// Parse one read source into an outcome for the writer (runs in a worker). Never throws for bad input.

import type { PipelineConfig } from '../config/PipelineConfig.js';
import type { ThemeLexicon } from '../themes/ThemeLexicon.js';
import { parseDocument } from '../pipeline/parseDocument.js';
import type { ParseItem, ParseOutcome } from './ParseJob.js';

export function parseSource(item: ParseItem, config: PipelineConfig, lexicon: ThemeLexicon): ParseOutcome {
  const { path, sha256 } = item;
  const bytes = item.bytes.length;
  let result;
  const started = performance.now();
  try {
    result = parseDocument({ path, bytes: item.bytes, config, lexicon });
  } catch (error) {
    // parseDocument promises not to throw; if a bug makes it, reject this source and keep the batch going.
    const message = `Internal parser error: ${error instanceof Error ? error.message : String(error)}.`;
    const diagnostic = { severity: 'error' as const, rule: 'invalid-record' as const, message, line: 1, column: 1, endLine: 1, endColumn: 1 };
    return { kind: 'rejected', path, sha256, bytes, format: null, diagnostics: [diagnostic], parseMs: performance.now() - started };
  }
  const parseMs = performance.now() - started;
  const { record, diagnostics, format, themeRun } = result;
  if (record === null) return { kind: 'rejected', path, sha256, bytes, format, diagnostics, parseMs };
  return themeRun === undefined
    ? { kind: 'parsed', path, sha256, bytes, format, diagnostics, record, parseMs }
    : { kind: 'parsed', path, sha256, bytes, format, diagnostics, record, parseMs, themeRun };
}
