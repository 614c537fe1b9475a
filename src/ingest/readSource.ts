// Main-thread half of a source: read it (size-checked), hash it, and decide whether it needs parsing.
// Unchanged sources never reach a worker, so an unchanged re-run costs about a read and a hash each.

import { createHash } from 'node:crypto';
import type { PipelineConfig } from '../config/PipelineConfig.js';
import { readSourceFile } from '../read/readSourceFile.js';
import type { SourceRef } from './discoverSources.js';
import type { ParseItem, ParseOutcome } from './ParseJob.js';

export type ReadSource = { outcome: ParseOutcome } | { parse: ParseItem };

export async function readSource(source: SourceRef, knownSha256: string | null, config: PipelineConfig): Promise<ReadSource> {
  const read = await readSourceFile(source.file, config);
  if (!read.ok) {
    return { outcome: { kind: 'rejected', path: source.path, sha256: null, bytes: null, format: null, diagnostics: [read.diagnostic] } };
  }
  const sha256 = createHash('sha256').update(read.bytes).digest('hex');
  if (sha256 === knownSha256) return { outcome: { kind: 'unchanged', path: source.path, sha256, bytes: read.bytes.length } };
  return { parse: { path: source.path, bytes: read.bytes, sha256 } };
}
