// Lint one source file: read it (refusing oversized files unread), run the pipeline, keep the messages.

import { resolve } from 'node:path';
import type { PipelineConfig } from '../config/PipelineConfig.js';
import { parseDocument } from '../pipeline/parseDocument.js';
import { readSourceFile } from '../read/readSourceFile.js';
import type { LintResult } from './LintResult.js';

/** `path` is reported as given; it is read relative to `cwd`. */
export async function lintSource(path: string, config: PipelineConfig, cwd: string): Promise<LintResult> {
  const read = await readSourceFile(resolve(cwd, path), config);
  if (!read.ok) return { path, messages: [read.diagnostic] };
  return { path, messages: parseDocument({ path, bytes: read.bytes, config }).diagnostics };
}
