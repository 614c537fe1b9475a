// Lint one source file: read it (refusing oversized files unread), run the pipeline, keep the messages.

import type { PipelineConfig } from '../config/PipelineConfig.js';
import type { SourceRef } from '../ingest/discoverSources.js';
import { parseDocument } from '../pipeline/parseDocument.js';
import { readSourceFile } from '../read/readSourceFile.js';
import type { LintResult } from './LintResult.js';

/** `source.path` is reported (and decides the format by extension); `source.file` is read. */
export async function lintSource(source: SourceRef, config: PipelineConfig): Promise<LintResult> {
  const read = await readSourceFile(source.file, config);
  if (!read.ok) return { path: source.path, messages: [read.diagnostic] };
  const result = parseDocument({ path: source.path, bytes: read.bytes, config });
  return { path: source.path, messages: result.diagnostics, provenance: result.provenance };
}
