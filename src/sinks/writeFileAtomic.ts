// Write a file so readers see either the old content or the new, never half: temp file, then rename.
// Temp files are dot-prefixed and carry the writer's pid (.NAME.PID.tmp); a failed write removes its
// own, and a killed process leaves at most one per file, which the next run removes (removeTempFiles).

import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function tempPathFor(file: string, pid: number = process.pid): string {
  return join(dirname(file), `.${basename(file)}.${pid}.tmp`);
}

/** Is `name` (a bare file name) one of the temp files tempPathFor makes? */
export function isTempFileName(name: string): boolean {
  return /^\..+\.\d+\.tmp$/.test(name) || /^\..+\.tmp$/.test(name);
}

/** Remove a temp file after a failed write, keeping the write's own error. */
export function discardTemp(temp: string): void {
  try {
    unlinkSync(temp);
  } catch {
    // never created, or already gone
  }
}

/** `content` may come in pieces (an iterable of strings), written one after another. */
export function writeFileAtomic(file: string, content: string | Uint8Array | Iterable<string>): void {
  const temp = tempPathFor(file);
  try {
    if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(temp, content);
    else writePieces(temp, content);
    renameSync(temp, file);
  } catch (error) {
    discardTemp(temp);
    throw error;
  }
}

function writePieces(file: string, pieces: Iterable<string>): void {
  const fd = openSync(file, 'w');
  try {
    let buffer = '';
    const flush = (): void => {
      const bytes = Buffer.from(buffer, 'utf8');
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
      buffer = '';
    };
    for (const piece of pieces) {
      buffer += piece;
      if (buffer.length >= 1 << 16) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
}

/** Write only when the bytes differ from what is on disk. Returns true when the file was written. */
export function writeFileIfChanged(file: string, content: string): boolean {
  const next = Buffer.from(content, 'utf8');
  let current: Buffer | undefined;
  try {
    current = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (current !== undefined && current.equals(next)) return false;
  writeFileAtomic(file, next);
  return true;
}

/**
 * Write a file that did not exist before this run, in its folder made by this run: no reader can hold an
 * old version, and a killed run's half file is rewritten (or removed) by the next, so no temp + rename.
 */
export function writeNewFile(file: string, content: string): void {
  writeFileSync(file, content);
}
