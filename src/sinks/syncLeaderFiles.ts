// Make leaders/ match the leaders table after an interrupted or pruning run: remove JSON files of
// leaders that are gone and leftover temp files, and restore files that are missing.

import { opendirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { leaderFileContent } from './formatRecordJson.js';
import type { LeaderStore } from './LeaderStore.js';
import { leaderJsonPath } from './leaderJsonPath.js';
import { writeFileAtomic } from './writeFileAtomic.js';

export interface LeaderFilesSync {
  removed: number;
  restored: number;
}

export function syncLeaderFiles(store: LeaderStore, leadersDir: string): LeaderFilesSync {
  let removed = 0;
  const ids = new Set(store.ids());
  const present = new Set<string>();
  const dir = opendirSync(leadersDir);
  try {
    for (let entry = dir.readSync(); entry !== null; entry = dir.readSync()) {
      const { name } = entry;
      const id = name.endsWith('.json') ? name.slice(0, -'.json'.length) : null;
      if (entry.isFile() && (name.endsWith('.tmp') || (id !== null && !ids.has(id)))) {
        unlinkSync(join(leadersDir, name));
        removed++;
      } else if (id !== null) present.add(id);
    }
  } finally {
    dir.closeSync();
  }
  const restored: { file: string; path: string }[] = [];
  for (const id of ids) {
    const file = leaderJsonPath(leadersDir, id);
    if (file === null || present.has(id)) continue;
    writeFileAtomic(file, leaderFileContent(store.recordOf(id) ?? ''));
    restored.push({ file: `leaders/${id}.json`, path: file });
  }
  store.stamps.recordAll(restored);
  return { removed, restored: restored.length };
}
