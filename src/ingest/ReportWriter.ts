// report.json, streamed: source entries go to a side file as they are decided (memory stays flat),
// and the finished report is assembled and renamed into place at the end. Entries revised by a second
// pass go to another side file and replace the first ones, in place, while the report is assembled.

import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import type { SourceFormat } from '../schema/LeaderProfile.js';
import type { SourceStatus } from '../sinks/LeaderStore.js';
import { discardTemp, tempPathFor } from '../sinks/writeFileAtomic.js';

export interface ReportSource {
  path: string;
  format: SourceFormat | null;
  status: SourceStatus;
  id: string | null;
  diagnostics: Diagnostic[];
  /** The page's earlier path, when this source is that page moved (renamed) with its leader. */
  movedFrom?: string;
  /** Rejected now, but its last good record (these ids) is kept, marked stale, until it is fixed or --prune. */
  stale?: string[];
}

export interface ReportMissing {
  path: string;
  id: string | null;
  pruned: boolean;
}

export interface ReportRun {
  startedAt: string;
  finishedAt: string;
  parserVersion: string;
  counts: Record<string, number>;
  options: Record<string, unknown>;
  /** Set when a signal stopped the run early: sources not reached are neither parsed nor missing. */
  interrupted?: boolean;
}

export class ReportWriter {
  private readonly partsFile: string;
  private readonly fd: number;
  private readonly revisedFile: string;
  private buffer = '';
  private count = 0;
  private revisedFd: number | null = null;
  private revised = '';

  constructor(private readonly file: string) {
    this.partsFile = tempPathFor(`${file}.sources`);
    this.revisedFile = tempPathFor(`${file}.revised`);
    this.fd = openSync(this.partsFile, 'w');
  }

  add(source: ReportSource): void {
    this.buffer += (this.count++ === 0 ? '    ' : ',\n    ') + JSON.stringify(source);
    if (this.buffer.length >= 1 << 16) this.flush();
  }

  /** Replaces the entry added for the same path; revisions come in the order their entries were added. */
  revise(source: ReportSource): void {
    this.revisedFd ??= openSync(this.revisedFile, 'w');
    this.revised += JSON.stringify(source) + '\n';
    if (this.revised.length >= 1 << 16) this.flush();
  }

  private flush(): void {
    if (this.buffer !== '') writeSync(this.fd, this.buffer);
    this.buffer = '';
    if (this.revisedFd !== null && this.revised !== '') writeSync(this.revisedFd, this.revised);
    this.revised = '';
  }

  /** `extra`: further top-level lists (e.g. skipped inputs, healed exports), each entry one JSON line. */
  async finish(run: ReportRun, missing: readonly ReportMissing[], extra: Record<string, readonly unknown[]> = {}): Promise<void> {
    this.flush();
    closeSync(this.fd);
    if (this.revisedFd !== null) closeSync(this.revisedFd);
    const temp = tempPathFor(this.file);
    const out = createWriteStream(temp);
    try {
      out.write(`{\n  "run": ${JSON.stringify(run, null, 2).replace(/\n/g, '\n  ')},\n  "sources": [\n`);
      const sources = this.revisedFd === null ? createReadStream(this.partsFile) : Readable.from(withRevisions(this.partsFile, this.revisedFile));
      await pipeline(sources, out, { end: false });
      const missingText = missing.map((m) => `    ${JSON.stringify(m)}`).join(',\n');
      const tail = Object.entries(extra).map(([key, list]) => `,\n  ${JSON.stringify(key)}: ${jsonList(list)}`).join('');
      out.end(`${this.count > 0 ? '\n' : ''}  ],\n  "missing": [${missing.length > 0 ? `\n${missingText}\n  ` : ''}]${tail}\n}\n`);
      await once(out, 'finish');
      await rename(temp, this.file);
    } catch (error) {
      out.destroy();
      discardTemp(temp);
      throw error;
    } finally {
      discardTemp(this.partsFile);
      if (this.revisedFd !== null) discardTemp(this.revisedFile);
    }
  }

  abandon(): void {
    for (const [fd, file] of [[this.fd, this.partsFile], [this.revisedFd, this.revisedFile]] as const) {
      if (fd === null) continue;
      try {
        closeSync(fd);
      } catch {
        // already closed by finish()
      }
      discardTemp(file);
    }
  }
}

function jsonList(list: readonly unknown[]): string {
  return list.length === 0 ? '[]' : `[\n${list.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`;
}

/** `{"path":"…",` — how an entry's JSON starts, which identifies it. */
function entryPrefix(json: string): string {
  return `{"path":${JSON.stringify((JSON.parse(json) as ReportSource).path)},`;
}

/** The side file's lines ('    {…},'), each revised entry swapped in for the line it replaces. */
async function* withRevisions(partsFile: string, revisedFile: string): AsyncGenerator<string> {
  const revised = createInterface({ input: createReadStream(revisedFile), crlfDelay: Infinity })[Symbol.asyncIterator]();
  let next = await revised.next();
  let prefix = next.done === true ? null : entryPrefix(next.value);
  let separator = '';
  let chunk = '';
  for await (const line of createInterface({ input: createReadStream(partsFile), crlfDelay: Infinity })) {
    let text = line;
    if (prefix !== null && next.done !== true && line.startsWith(prefix, 4)) {
      text = `    ${next.value}${line.endsWith(',') ? ',' : ''}`;
      next = await revised.next();
      prefix = next.done === true ? null : entryPrefix(next.value);
    }
    chunk += separator + text;
    separator = '\n';
    if (chunk.length >= 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}
