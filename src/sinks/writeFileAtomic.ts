// Write a file so readers see either the old content or the new, never half: temp file, then rename.
// A killed process leaves at most a dot-prefixed *.tmp file, which the next run removes.

import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function tempPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.tmp`);
}

export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const temp = tempPathFor(file);
  writeFileSync(temp, content);
  renameSync(temp, file);
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
