// Read a source file from disk for the pipeline, refusing oversized files before reading them whole.

import { open } from 'node:fs/promises';
import type { PipelineConfig } from '../config/PipelineConfig.js';
import type { Diagnostic } from '../diagnostics/Diagnostic.js';

export type SourceRead =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; diagnostic: Diagnostic };

function failure(config: PipelineConfig, rule: 'file-too-large' | 'read-error', message: string): SourceRead {
  return {
    ok: false,
    diagnostic: { severity: config.severityOf(rule) ?? 'error', rule, message, line: 1, column: 1, endLine: 1, endColumn: 1 },
  };
}

export async function readSourceFile(path: string, config: PipelineConfig): Promise<SourceRead> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return failure(config, 'read-error', `Cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  try {
    const { size } = await handle.stat();
    if (size > config.maxFileBytes) {
      return failure(config, 'file-too-large', `File is ${size} bytes, over the ${config.maxFileBytes}-byte limit (maxFileBytes).`);
    }
    return { ok: true, bytes: await handle.readFile() };
  } catch (error) {
    return failure(config, 'read-error', `Cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  } finally {
    await handle.close();
  }
}
