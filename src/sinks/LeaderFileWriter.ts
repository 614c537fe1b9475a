// leaders/<id>.json written by a thread of its own while the main thread fills SQLite: creating a file
// costs 30 to 250 µs of waiting on the file system, a third of what a record cost the writer. It is given
// each record's compact line (which the writer stores anyway) and lays it out itself. Files
// go to the thread in small jobs; settle() waits (synchronously: the writer commits from a loop that
// cannot await) until every file given so far is on disk, and hands back each file's stamp taken after
// its write, so the caller can record them before the transaction that names the files commits. A
// write error (disk full, read-only folder) comes back as the same error, code and path included.
// Should the thread fail to start, the files are written on the caller's thread.

import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { statStamp, type FileStamp } from './exportStamps.js';
import { leaderFileContent } from './formatRecordJson.js';
import { writeFileIfChanged, writeNewFile } from './writeFileAtomic.js';

export interface WrittenFile {
  /** Relative to the output folder, as in export_stamps. */
  name: string;
  path: string;
  /** False when the file already held these bytes (not rewritten). */
  changed: boolean;
  stamp: FileStamp | null;
}

export interface FileJob {
  /** The folder is new to this run: files are written in place, without a temp file or a compare. */
  fresh: boolean;
  /** Each file's name, path and record line (formatRecordLine): the file holds leaderFileContent(line). */
  files: [name: string, path: string, line: string][];
}

export interface FileFault {
  message: string;
  code?: string;
  syscall?: string;
  path?: string;
}

export type FileJobResult = { written: WrittenFile[] } | { fault: FileFault };

export interface FileWorkerData {
  port: MessagePort;
  /** [0]: results posted and not yet taken. */
  signal: SharedArrayBuffer;
}

/** Write each file of a job, then stamp it. */
export function writeLeaderFiles(job: FileJob): WrittenFile[] {
  return job.files.map(([name, path, line]) => {
    const content = leaderFileContent(line);
    let changed = true;
    if (job.fresh) writeNewFile(path, content);
    else changed = writeFileIfChanged(path, content);
    return { name, path, changed, stamp: statStamp(path) };
  });
}

export function faultOf(error: unknown): FileFault {
  const e = error as NodeJS.ErrnoException;
  const fault: FileFault = { message: e instanceof Error ? e.message : String(error) };
  if (typeof e.code === 'string') fault.code = e.code;
  if (typeof e.syscall === 'string') fault.syscall = e.syscall;
  if (typeof e.path === 'string') fault.path = e.path;
  return fault;
}

function errorOf(fault: FileFault): Error {
  return Object.assign(new Error(fault.message), fault.code === undefined ? {} : { code: fault.code }, fault.syscall === undefined ? {} : { syscall: fault.syscall }, fault.path === undefined ? {} : { path: fault.path });
}

/** Files per job: small enough that settle() waits for little, large enough that messages are few. */
const jobFiles = 32;
/** How long settle() waits without an answer before it gives the thread up for lost. */
const silenceLimitMs = 10 * 60_000;

export class LeaderFileWriter {
  #thread: { worker: Worker; port: MessagePort; signal: Int32Array } | null | undefined;
  #pending: FileJob['files'] = [];
  #sent = 0;
  /** Files written here (no thread), not yet settled. */
  readonly #here: WrittenFile[] = [];

  constructor(private readonly fresh: boolean) {}

  /** leaders/<id>.json at `path` from the record's compact line. */
  write(name: string, path: string, line: string): void {
    this.#pending.push([name, path, line]);
    if (this.#pending.length >= jobFiles) this.#send();
  }

  /** Start the thread now, ahead of the first file (it takes a few tens of ms to start). */
  warmUp(): void {
    this.#start();
  }

  /** Every file given so far, once it is on disk; throws the first write error. */
  settle(): WrittenFile[] {
    this.#send();
    const written = this.#here.splice(0);
    let fault: FileFault | null = null;
    const thread = this.#thread;
    for (; this.#sent > 0 && thread != null; this.#sent--) {
      const result = this.#take(thread);
      if ('fault' in result) fault ??= result.fault;
      else written.push(...result.written);
    }
    if (fault !== null) throw errorOf(fault);
    return written;
  }

  /** Stop the thread; files given and not settled may or may not be written. */
  async close(): Promise<void> {
    this.#pending = [];
    const thread = this.#thread;
    this.#thread = undefined;
    this.#sent = 0;
    if (thread != null) {
      thread.port.close();
      await thread.worker.terminate();
    }
  }

  #send(): void {
    if (this.#pending.length === 0) return;
    const job: FileJob = { fresh: this.fresh, files: this.#pending };
    this.#pending = [];
    const thread = this.#start();
    if (thread === null) {
      this.#here.push(...writeLeaderFiles(job));
      return;
    }
    thread.worker.postMessage(job);
    this.#sent++;
  }

  #start(): { worker: Worker; port: MessagePort; signal: Int32Array } | null {
    if (this.#thread !== undefined) return this.#thread;
    try {
      const { port1, port2 } = new MessageChannel();
      const signal = new SharedArrayBuffer(4);
      const data: FileWorkerData = { port: port2, signal };
      // It holds one job of files at a time: a small heap keeps the run's memory flat.
      const worker = new Worker(new URL('./leaderFileWorker.js', import.meta.url), {
        workerData: data,
        transferList: [port2],
        resourceLimits: { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 4 },
      });
      worker.unref();
      this.#thread = { worker, port: port1, signal: new Int32Array(signal) };
    } catch {
      this.#thread = null;
    }
    return this.#thread;
  }

  #take(thread: { port: MessagePort; signal: Int32Array }): FileJobResult {
    let waited = 0;
    while (Atomics.load(thread.signal, 0) === 0) {
      if (Atomics.wait(thread.signal, 0, 0, 1000) === 'timed-out' && (waited += 1000) >= silenceLimitMs) {
        throw new Error(`the thread writing leaders/*.json gave no answer for ${silenceLimitMs / 60_000} minutes`);
      }
    }
    // Posted before it was counted, so it is there.
    const message = receiveMessageOnPort(thread.port);
    Atomics.sub(thread.signal, 0, 1);
    if (message === undefined) throw new Error('the thread writing leaders/*.json counted an answer it did not send');
    return message.message as FileJobResult;
  }
}
