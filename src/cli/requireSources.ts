// The one rule for inputs named on the command line, shared by parse, validate and ingest:
// a path that does not exist, or a file, folder or glob that holds no source page, is a usage error
// (exit 2, nothing done). A file that exists but cannot be used is a page problem (a diagnostic, exit 1).

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { sourceExtensions, specialKind, walkSources, type DiscoverOptions, type Discovery } from '../ingest/discoverSources.js';
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
  // A FIFO or device would block the read (or never end): only regular files are pages.
  if (!stats.isFile()) throw new UsageError(`${input} is ${specialKind(stats)}, not a regular file.`);
  return file;
}

function nothingIn(input: string): UsageError {
  return new UsageError(`no source files (.${sourceExtensions.join(', .')}) in '${input}'.`);
}

/** Every source the inputs name (walkSources' answer); each input must name at least one page. */
export async function requireSources(inputs: readonly string[], cwd: string, options: DiscoverOptions = {}): Promise<Discovery> {
  if (inputs.length === 0) throw new UsageError('no inputs: name files, folders or globs, or set `inputs` in the config.');
  const discovery = await walkSources(inputs, cwd, options);
  if (inputs.length === 1) {
    if (discovery.sources.length === 0) throw nothingIn(inputs[0]!);
    return discovery;
  }
  // Several inputs: each is walked on its own too, so the one that names nothing can be named.
  for (const input of inputs) {
    if ((await walkSources([input], cwd, options)).sources.length === 0) throw nothingIn(input);
  }
  return discovery;
}
