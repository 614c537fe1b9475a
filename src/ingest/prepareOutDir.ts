// Create the output folder one level at a time, so the error that stops it is the real one:
// mkdirSync(…, { recursive: true }) reports ENOENT on a read-only file system, and ENOTDIR without
// saying which path is the file in the way.

import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

function fault(code: string, path: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}, mkdir '${path}'`), { code, path });
}

/** Make `dir` (and its parents) exist as folders; errors carry the path that stopped it. */
export function prepareOutDir(dir: string): void {
  const missing: string[] = [];
  for (let at = dir; ; at = dirname(at)) {
    let stats;
    try {
      stats = statSync(at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') continue; // a parent is a file: found further up
      if (code !== 'ENOENT' || dirname(at) === at) throw error;
      missing.push(at);
      continue;
    }
    if (!stats.isDirectory()) throw fault('ENOTDIR', at, 'a file is in the way of the output folder');
    break;
  }
  for (const at of missing.reverse()) {
    try {
      mkdirSync(at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
