// Parse one read source into an outcome for the writer (runs in a worker). Never throws for bad input.

import type { PipelineConfig } from '../config/PipelineConfig.js';
import type { ThemeLexicon } from '../themes/ThemeLexicon.js';
import { parseFile } from '../pipeline/parseDocument.js';
import { chromeCandidates } from './chromeCandidates.js';
import { packOutcome, type PackedOutcome, type ParseItem, type ParseOutcome } from './ParseJob.js';

/** The outcome packed for the main thread, with the page's chrome candidates (see BatchLearning). */
export function parsePacked(item: ParseItem, config: PipelineConfig, lexicon: ThemeLexicon): PackedOutcome {
  const chrome: string[] = [];
  return packOutcome(parseSource(item, config, lexicon, chrome), chrome);
}

/** `chrome`, when given, receives the page's lines that no field took (chromeCandidates). */
export function parseSource(item: ParseItem, config: PipelineConfig, lexicon: ThemeLexicon, chrome?: string[]): ParseOutcome {
  const { path, sha256 } = item;
  const bytes = item.bytes.length;
  let result;
  const started = performance.now();
  try {
    result = parseFile({ path, bytes: item.bytes, config, lexicon });
    if (chrome !== undefined) chrome.push(...chromeCandidates(result));
  } catch (error) {
    // parseDocument promises not to throw; if a bug makes it, reject this source and keep the batch going.
    const message = `Internal parser error: ${error instanceof Error ? error.message : String(error)}.`;
    const diagnostic = { severity: 'error' as const, rule: 'invalid-record' as const, message, line: 1, column: 1, endLine: 1, endColumn: 1 };
    return { kind: 'rejected', path, sha256, bytes, format: null, diagnostics: [diagnostic], parseMs: performance.now() - started };
  }
  const parseMs = performance.now() - started;
  const { record, messages: diagnostics, format, themeRun } = result;
  const fields: Record<string, [number, number, number, number]> = {};
  for (const [field, { start, end }] of Object.entries(result.draft.positions)) fields[field] = [start.line, start.column, end.line, end.column];
  if (record === null) return { kind: 'rejected', path, sha256, bytes, format, diagnostics, parseMs, fields };
  return themeRun === undefined
    ? { kind: 'parsed', path, sha256, bytes, format, diagnostics, record, parseMs, fields }
    : { kind: 'parsed', path, sha256, bytes, format, diagnostics, record, parseMs, fields, themeRun };
}
