// Make leaders/ match the leaders table after an interrupted or pruning run: remove JSON files of
// leaders that are gone and leftover temp files, and restore files that are missing.

import { existsSync, opendirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { LeaderStore } from './LeaderStore.js';
import { leaderJsonPath } from './leaderJsonPath.js';
import { writeFileAtomic } from './writeFileAtomic.js';

export interface LeaderFilesSync {
  removed: number;
  restored: number;
}

export function syncLeaderFiles(store: LeaderStore, leadersDir: string): LeaderFilesSync {
  let removed = 0;
  let restored = 0;
  const dir = opendirSync(leadersDir);
  try {
    for (let entry = dir.readSync(); entry !== null; entry = dir.readSync()) {
      if (!entry.isFile()) continue;
      const { name } = entry;
      const stale = name.endsWith('.tmp') || (name.endsWith('.json') && !store.hasLeader(name.slice(0, -'.json'.length)));
      if (stale) {
        unlinkSync(join(leadersDir, name));
        removed++;
      }
    }
  } finally {
    dir.closeSync();
  }
  for (const { id, record } of store.records()) {
    const file = leaderJsonPath(leadersDir, id);
    if (file === null || existsSync(file)) continue;
    writeFileAtomic(file, JSON.stringify(JSON.parse(record), null, 2) + '\n');
    restored++;
  }
  return { removed, restored };
}
