// Thread entry of findSuspectsOnThread: findSuspects over a read-only connection, posted back once.

import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { findSuspects } from './checkExports.js';
import { ExportStamps } from './exportStamps.js';
import type { FindSuspectsJob } from './findSuspectsOnThread.js';

const job = workerData as FindSuspectsJob;
const db = new Database(job.databasePath, { readonly: true, fileMustExist: true });
try {
  const ids = db.prepare(`SELECT id FROM leaders ORDER BY id`).pluck();
  parentPort?.postMessage(findSuspects({ ids: () => ids.iterate() as IterableIterator<string>, stamps: new ExportStamps(db) }, job.outDir));
} finally {
  db.close();
}
