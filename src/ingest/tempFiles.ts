// Temp files of the output folder (see tempPathFor): removed when a run starts (it holds the lock, so
// any found are debris of a killed run) and again on every way a run ends.

import { readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { isTempFileName } from '../sinks/writeFileAtomic.js';

/** Remove the temp files directly inside `dirs` (of one pid, or any). Returns how many went. */
export function removeTempFiles(dirs: readonly string[], pid?: number): number {
  let removed = 0;
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      // Temp files are dot-files: the leaders' own files are passed over at the first character.
      if (name.charCodeAt(0) !== 0x2e || !isTempFileName(name)) continue;
      if (pid !== undefined && !name.endsWith(`.${pid}.tmp`)) continue;
      try {
        unlinkSync(join(dir, name));
        removed++;
      } catch {
        // gone meanwhile
      }
    }
  }
  return removed;
}
