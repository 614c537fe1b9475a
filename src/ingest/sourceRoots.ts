// The roots of one ingest run: the folders and files its inputs name (a glob: the folder before its
// first pattern segment). Sources stored by earlier runs outside these roots are not this run's
// business: they are neither missing nor pruned (`ingest --prune sub/` must not delete the rest).

import { isAbsolute, resolve, sep } from 'node:path';
import { isDynamicPattern } from 'tinyglobby';

/** The folder a glob starts from: its segments before the first one holding a pattern. */
function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const segment of segments) {
    if (isDynamicPattern(segment)) break;
    fixed.push(segment);
  }
  return fixed.join('/') || '.';
}

/**
 * A test: is this stored source path (relative to `keyBase`, or absolute) under one of the inputs
 * (relative to `cwd`)?
 */
export function underSourceRoots(inputs: readonly string[], cwd: string, keyBase = cwd): (storedPath: string) => boolean {
  const roots = inputs.map((input) => resolve(cwd, isDynamicPattern(input) ? globBase(input) : input));
  return (storedPath) => {
    const file = isAbsolute(storedPath) ? storedPath : resolve(keyBase, storedPath);
    return roots.some((root) => file === root || file.startsWith(root.endsWith(sep) ? root : root + sep));
  };
}
