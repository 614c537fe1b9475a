// The distributed run's exports, from the PostgreSQL sink into the output folder: leaders.ndjson
// (every record, sorted by id) and leaders/<id>.json (rewritten when the leader changed this run,
// restored when missing, removed when its leader is gone), as the embedded run keeps them.

import { closeSync, existsSync, mkdirSync, openSync, opendirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { leaderFileContent } from '../sinks/formatRecordJson.js';
import { leaderJsonPath } from '../sinks/leaderJsonPath.js';
import type { PgRunStore } from '../sinks/postgres/PgRunStore.js';
import { tempPathFor, writeFileAtomic, writeFileIfChanged } from '../sinks/writeFileAtomic.js';

export async function exportFromSink(store: PgRunStore, outDir: string, run: number): Promise<void> {
  const leadersDir = join(outDir, 'leaders');
  mkdirSync(leadersDir, { recursive: true });
  for await (const { id, record } of store.records({ updatedRun: run })) {
    const file = leaderJsonPath(leadersDir, id);
    if (file !== null) writeFileIfChanged(file, leaderFileContent(record));
  }
  await removeStaleFiles(store, leadersDir);
  // Streamed a page of rows at a time: memory stays flat however many leaders.
  const ndjson = join(outDir, 'leaders.ndjson');
  const temp = tempPathFor(ndjson);
  const fd = openSync(temp, 'w');
  try {
    let chunk = '';
    for await (const { id, record } of store.records()) {
      chunk += record + '\n';
      if (chunk.length >= 1 << 16) {
        writeSync(fd, chunk);
        chunk = '';
      }
      const file = leaderJsonPath(leadersDir, id);
      if (file !== null && !existsSync(file)) writeFileAtomic(file, leaderFileContent(record));
    }
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, ndjson);
}

async function removeStaleFiles(store: PgRunStore, leadersDir: string): Promise<void> {
  const dir = opendirSync(leadersDir);
  let batch: string[] = [];
  const flush = async (): Promise<void> => {
    const ids = batch.map((name) => name.slice(0, -'.json'.length));
    const existing = await store.existingIds(ids);
    for (const id of ids) if (!existing.has(id)) unlinkSync(join(leadersDir, `${id}.json`));
    batch = [];
  };
  try {
    for (let entry = dir.readSync(); entry !== null; entry = dir.readSync()) {
      if (!entry.isFile()) continue;
      if (entry.name.endsWith('.tmp')) unlinkSync(join(leadersDir, entry.name));
      else if (entry.name.endsWith('.json')) batch.push(entry.name);
      if (batch.length >= 1000) await flush();
    }
    if (batch.length > 0) await flush();
  } finally {
    dir.closeSync();
  }
}
