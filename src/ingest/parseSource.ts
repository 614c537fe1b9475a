// One source through the pipeline as the ingest sees it: read (size-checked), hash, skip when the
// bytes are the ones already stored, else parse. Never throws for bad input.

import { createHash } from 'node:crypto';
import type { PipelineConfig } from '../config/PipelineConfig.js';
import { parseDocument } from '../pipeline/parseDocument.js';
import { readSourceFile } from '../read/readSourceFile.js';
import { formatRecordJson, formatRecordLine } from '../sinks/formatRecordJson.js';
import type { ParseItem, ParseOutcome } from './ParseJob.js';

export async function parseSource(item: ParseItem, config: PipelineConfig): Promise<ParseOutcome> {
  const read = await readSourceFile(item.file, config);
  if (!read.ok) {
    return { kind: 'rejected', path: item.path, sha256: null, bytes: null, format: null, diagnostics: [read.diagnostic] };
  }
  const sha256 = createHash('sha256').update(read.bytes).digest('hex');
  const bytes = read.bytes.length;
  if (sha256 === item.knownSha256) return { kind: 'unchanged', path: item.path, sha256, bytes };
  let result;
  try {
    result = parseDocument({ path: item.path, bytes: read.bytes, config });
  } catch (error) {
    // parseDocument promises not to throw; if a bug makes it, reject this source and keep the batch going.
    const message = `Internal parser error: ${error instanceof Error ? error.message : String(error)}.`;
    const diagnostic = { severity: 'error' as const, rule: 'invalid-record' as const, message, line: 1, column: 1, endLine: 1, endColumn: 1 };
    return { kind: 'rejected', path: item.path, sha256, bytes, format: null, diagnostics: [diagnostic] };
  }
  const { record, diagnostics, format } = result;
  if (record === null) return { kind: 'rejected', path: item.path, sha256, bytes, format, diagnostics };
  return {
    kind: 'parsed',
    path: item.path,
    sha256,
    bytes,
    format,
    diagnostics,
    record,
    json: formatRecordJson(record),
    line: formatRecordLine(record),
  };
}
