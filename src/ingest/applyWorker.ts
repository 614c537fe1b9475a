// Worker-thread entry of an ApplyPool: applies what a settled batch learned (LearnedBatch) to spilled
// outcomes, a chunk per message, so the main thread only writes. Plain data in and out.

import { parentPort, workerData } from 'node:worker_threads';
import { resolveConfig } from '../config/defineConfig.js';
import type { ApplyJob, ApplyJobResult, ApplyWorkerData } from './ApplyPool.js';
import { LearnedBatch } from './LearnedBatch.js';
import { readOutcome } from './ParseJob.js';

const data = workerData as ApplyWorkerData;
const config = resolveConfig(data.options);
const learned = new LearnedBatch(data.learned);

parentPort?.on('message', (job: ApplyJob) => {
  const result: ApplyJobResult = { id: job.id, outcomes: job.lines.map((line) => learned.apply(readOutcome(line), config)) };
  parentPort?.postMessage(result);
});
