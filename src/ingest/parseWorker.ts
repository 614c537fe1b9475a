// Worker-thread entry: parses batches of sources for the ingest. The config arrives as plain
// options (functions cannot cross threads) and is resolved again here.

import { parentPort, workerData } from 'node:worker_threads';
import { resolveConfig } from '../config/defineConfig.js';
import type { PipelineOptions } from '../config/PipelineConfig.js';
import type { ParseJob, ParseJobResult } from './ParseJob.js';
import { parseSource } from './parseSource.js';

const config = resolveConfig((workerData as { options: PipelineOptions }).options);

parentPort?.on('message', (job: ParseJob) => {
  const result: ParseJobResult = { id: job.id, outcomes: job.items.map((item) => parseSource(item, config)) };
  parentPort?.postMessage(result);
});
