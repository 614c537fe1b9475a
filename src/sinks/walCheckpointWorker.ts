// Thread entry of a WalCheckpointer: a connection of its own to leaders.db that runs a PASSIVE
// checkpoint each time the writer signals a commit, and says in the shared state how far it got.

import { workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { slot, type CheckpointWorkerData } from './WalCheckpointer.js';

const { file, state: buffer } = workerData as CheckpointWorkerData;
const state = new Int32Array(buffer);

// fileMustExist: the writer created it; this connection only copies the WAL into it.
const db = new Database(file, { fileMustExist: true });
try {
  let copied = 0;
  for (;;) {
    const asked = Atomics.load(state, slot.asked);
    if (asked < 0) break;
    if (asked === copied) {
      Atomics.wait(state, slot.asked, copied);
      continue;
    }
    const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    if (result !== undefined && result.checkpointed === result.log) {
      copied = asked;
      Atomics.store(state, slot.copied, copied);
      Atomics.notify(state, slot.copied);
    } else {
      // A reader still needs frames the checkpoint could not copy: said (a waiting writer goes on), and
      // tried again with the next commit, or soon.
      Atomics.store(state, slot.blocked, asked);
      Atomics.notify(state, slot.copied);
      Atomics.wait(state, slot.asked, asked, 50);
    }
  }
} catch {
  Atomics.store(state, slot.failed, 1);
  Atomics.notify(state, slot.copied);
} finally {
  db.close();
}
