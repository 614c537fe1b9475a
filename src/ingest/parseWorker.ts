// Worker-thread entry: parses batches of sources for the ingest. The config arrives as plain
// options (functions cannot cross threads) and is resolved again here; the theme lexicon arrives
// as a list of strings and stays fixed, so every page of a batch is split with the same lexicon.
// Each outcome goes back serialized once, with what batch learning needs beside it (PackedOutcome).

import { parentPort, workerData } from 'node:worker_threads';
import { resolveConfig } from '../config/defineConfig.js';
import type { ParseJob, ParseJobResult, ParseWorkerData } from './ParseJob.js';
import { FixedThemeLexicon } from './FixedThemeLexicon.js';
import { parsePacked } from './parseSource.js';

const data = workerData as ParseWorkerData;
const config = resolveConfig(data.options);
const lexicon = new FixedThemeLexicon(data.lexicon);

parentPort?.on('message', (job: ParseJob) => {
  const result: ParseJobResult = { id: job.id, outcomes: job.items.map((item) => parsePacked(item, config, lexicon)) };
  parentPort?.postMessage(result);
});
