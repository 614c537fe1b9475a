// Worker-thread entry: parses batches of sources for the ingest. The config arrives as plain
// options (functions cannot cross threads) and is resolved again here; the theme lexicon arrives
// as a list of strings and stays fixed for a pass, so every page is split with the same lexicon.

import { parentPort, workerData } from 'node:worker_threads';
import { resolveConfig } from '../config/defineConfig.js';
import type { ParseJobResult, ParseWorkerData, ParseWorkerMessage } from './ParseJob.js';
import { FixedThemeLexicon } from './FixedThemeLexicon.js';
import { parseSource } from './parseSource.js';

const data = workerData as ParseWorkerData;
const config = resolveConfig(data.options);
let lexicon = new FixedThemeLexicon(data.lexicon);

parentPort?.on('message', (job: ParseWorkerMessage) => {
  if ('lexicon' in job) {
    lexicon = new FixedThemeLexicon(job.lexicon);
    return;
  }
  const result: ParseJobResult = { id: job.id, outcomes: job.items.map((item) => parseSource(item, config, lexicon)) };
  parentPort?.postMessage(result);
});
