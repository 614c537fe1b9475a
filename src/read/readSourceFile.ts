// Read a source file from disk for the pipeline, refusing oversized files before reading them whole.

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { PipelineConfig } from '../config/PipelineConfig.js';
import type { Diagnostic } from '../diagnostics/Diagnostic.js';

export type SourceRead =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; diagnostic: Diagnostic };

function failure(config: PipelineConfig, rule: 'file-too-large' | 'read-error', message: string): SourceRead {
  return {
    ok: false,
    // The file is unusable whatever the setting, so an 'off' rule still reports it (as an error).
    diagnostic: { severity: config.severityOf(rule) ?? 'error', rule, message, line: 1, column: 1, endLine: 1, endColumn: 1 },
  };
}

function tooLarge(config: PipelineConfig, size: string): SourceRead {
  return failure(config, 'file-too-large', `File is ${size} bytes, over the ${config.maxFileBytes}-byte limit (maxFileBytes); it was not read.`);
}

function readError(config: PipelineConfig, error: unknown): SourceRead {
  const code = (error as NodeJS.ErrnoException).code;
  return failure(config, 'read-error', `Cannot read file: ${code ?? (error instanceof Error ? error.message : String(error))}.`);
}

/**
 * Synchronous on purpose: pages are small and mostly in the page cache, where one blocking read costs
 * microseconds, while an async open/stat/read/close round-trips the thread pool four times per file
 * (it made an unchanged re-run of 20,000 pages ten times slower than reading them).
 */
export function readSourceFileSync(path: string, config: PipelineConfig): SourceRead {
  let fd: number;
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait forever for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return readError(config, error);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return failure(config, 'read-error', 'Cannot read file: it is a directory.');
    if (!stats.isFile()) return failure(config, 'read-error', 'Cannot read file: it is not a regular file (a FIFO, socket or device).');
    if (stats.size > config.maxFileBytes) return tooLarge(config, String(stats.size));
    // Read in chunks and stop at the limit: a file that grows after the size check is refused too.
    // The first chunk is one byte longer than the file, so a short read of it is the end: one read per
    // page, into a buffer of its size (a fixed 64 KiB buffer per page cost more than the read itself).
    // Not from Buffer's shared pool: a page sent to a parse worker is copied with its whole ArrayBuffer.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafeSlow(chunks.length === 0 ? stats.size + 1 : 65536);
      const bytesRead = readSync(fd, chunk, 0, chunk.length, length);
      if (bytesRead > 0) chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > config.maxFileBytes) return tooLarge(config, `more than ${config.maxFileBytes}`);
      if (bytesRead < chunk.length) break;
    }
    return { ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length) };
  } catch (error) {
    return readError(config, error);
  } finally {
    closeSync(fd);
  }
}

export async function readSourceFile(path: string, config: PipelineConfig): Promise<SourceRead> {
  return readSourceFileSync(path, config);
}
