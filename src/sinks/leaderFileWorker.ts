// Thread entry of a LeaderFileWriter: writes each job's files in order and answers each job on the
// port, counting the answer in the shared signal so the writer can wait for it synchronously.

import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { faultOf, writeLeaderFiles, type FileJob, type FileJobResult, type FileWorkerData } from './LeaderFileWriter.js';

const { port, signal } = workerData as FileWorkerData;
const answered = new Int32Array(signal);

function answer(out: MessagePort, result: FileJobResult): void {
  out.postMessage(result);
  Atomics.add(answered, 0, 1);
  Atomics.notify(answered, 0);
}

parentPort?.on('message', (job: FileJob) => {
  let result: FileJobResult;
  try {
    result = { written: writeLeaderFiles(job) };
  } catch (error) {
    result = { fault: faultOf(error) };
  }
  answer(port, result);
});
