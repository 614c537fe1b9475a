// Expand the ingest's inputs (files, folders walked recursively, globs) into a sorted, de-duplicated
// list of sources. Sorting by path is what makes "the first by path wins" well defined.

import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../cli/Command.js';

/** Extensions picked up when a folder is given. */
export const sourceExtensions = ['txt', 'md', 'markdown', 'html', 'htm'] as const;

export interface SourceRef {
  /** Relative to the working directory (forward slashes) when inside it, else absolute. */
  path: string;
  /** Absolute path to read. */
  file: string;
}

function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return file;
  return rel.split(sep).join('/');
}

function expand(cwd: string, input: string): Promise<string[]> | string[] {
  if (isDynamicPattern(input)) return glob(input, { cwd, absolute: true, onlyFiles: true });
  const target = resolve(cwd, input);
  let stats;
  try {
    stats = statSync(target);
  } catch {
    throw new UsageError(`no such file or folder: ${input}`);
  }
  if (!stats.isDirectory()) return [target];
  return glob(`**/*.{${sourceExtensions.join(',')}}`, { cwd: target, absolute: true, onlyFiles: true });
}

export async function discoverSources(inputs: readonly string[], cwd: string): Promise<SourceRef[]> {
  const byFile = new Map<string, SourceRef>();
  for (const input of inputs) {
    for (const found of await expand(cwd, input)) {
      const file = resolve(found);
      if (!byFile.has(file)) byFile.set(file, { path: displayPath(cwd, file), file });
    }
  }
  // Code-unit order, not locale order: the same on every machine.
  return [...byFile.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
