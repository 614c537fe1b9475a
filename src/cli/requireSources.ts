// The one rule for inputs named on the command line, shared by parse, validate and ingest:
// a path that does not exist, or a file, folder or glob that holds no source page, is a usage error
// (exit 2, nothing done). A file that exists but cannot be used is a page problem (a diagnostic, exit 1).

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { discoverSources, sourceExtensions, type SourceRef } from '../ingest/discoverSources.js';
import { UsageError } from './Command.js';

/** The absolute path of the one file `parse` reads. */
export function requireSourceFile(input: string, cwd: string): string {
  const file = resolve(cwd, input);
  let stats;
  try {
    stats = statSync(file);
  } catch {
    throw new UsageError(`no such file or folder: ${input}`);
  }
  if (stats.isDirectory()) throw new UsageError(`${input} is a folder; parse reads one file (use validate or ingest for folders).`);
  return file;
}

/** Every source the inputs name, sorted and de-duplicated; each input must name at least one. */
export async function requireSources(inputs: readonly string[], cwd: string): Promise<SourceRef[]> {
  if (inputs.length === 0) throw new UsageError('no inputs: name files, folders or globs, or set `inputs` in the config.');
  const byFile = new Map<string, SourceRef>();
  for (const input of inputs) {
    const found = await discoverSources([input], cwd);
    if (found.length === 0) {
      throw new UsageError(`no source files (.${sourceExtensions.join(', .')}) in '${input}'.`);
    }
    for (const source of found) if (!byFile.has(source.file)) byFile.set(source.file, source);
  }
  return [...byFile.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
