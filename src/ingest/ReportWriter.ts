// report.json, streamed: source entries go to a side file as they are decided (memory stays flat),
// and the finished report is assembled and renamed into place at the end.

import { closeSync, createReadStream, createWriteStream, openSync, writeSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { once } from 'node:events';
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
  private buffer = '';
  private count = 0;

  constructor(private readonly file: string) {
    this.partsFile = tempPathFor(`${file}.sources`);
    this.fd = openSync(this.partsFile, 'w');
  }

  add(source: ReportSource): void {
    this.buffer += (this.count++ === 0 ? '    ' : ',\n    ') + JSON.stringify(source);
    if (this.buffer.length >= 1 << 16) this.flush();
  }

  private flush(): void {
    if (this.buffer !== '') writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  /** `extra`: further top-level lists (e.g. skipped inputs, healed exports), each entry one JSON line. */
  async finish(run: ReportRun, missing: readonly ReportMissing[], extra: Record<string, readonly unknown[]> = {}): Promise<void> {
    this.flush();
    closeSync(this.fd);
    const temp = tempPathFor(this.file);
    const out = createWriteStream(temp);
    try {
      out.write(`{\n  "run": ${JSON.stringify(run, null, 2).replace(/\n/g, '\n  ')},\n  "sources": [\n`);
      await pipeline(createReadStream(this.partsFile), out, { end: false });
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
    }
  }

  abandon(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed by finish()
    }
    discardTemp(this.partsFile);
  }
}

function jsonList(list: readonly unknown[]): string {
  return list.length === 0 ? '[]' : `[\n${list.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`;
}
