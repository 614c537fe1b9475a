// Parse outcomes wait here, one line each (outcomeLine) in path order, while the batch is learned from: on disk,
// not in memory, so a batch of any size holds only its learning state. Read back once, in order.

import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';

const chunk = 1 << 20;

export class OutcomeSpill {
  readonly #fd: number;
  #buffer = '';
  #lines = 0;
  #closed = false;

  constructor(readonly file: string) {
    this.#fd = openSync(file, 'w+');
  }

  get lines(): number {
    return this.#lines;
  }

  /** Appends one outcome's JSON (no raw newlines: JSON text escapes them). */
  append(json: string): void {
    this.#buffer += json + '\n';
    this.#lines++;
    if (this.#buffer.length >= chunk) this.#flush();
  }

  #flush(): void {
    if (this.#buffer !== '') writeSync(this.#fd, this.#buffer);
    this.#buffer = '';
  }

  /** Every appended line, in order (call once, after the last append). */
  *read(): Generator<string> {
    this.#flush();
    const bytes = Buffer.allocUnsafe(chunk);
    let position = 0;
    let rest: Buffer[] = [];
    for (;;) {
      const n = readSync(this.#fd, bytes, 0, chunk, position);
      if (n === 0) break;
      position += n;
      let start = 0;
      for (let end = bytes.indexOf(10, start); end !== -1 && end < n; end = bytes.indexOf(10, start)) {
        const piece = bytes.subarray(start, end);
        yield rest.length === 0 ? piece.toString('utf8') : Buffer.concat([...rest, piece]).toString('utf8');
        rest = [];
        start = end + 1;
      }
      if (start < n) rest.push(Buffer.from(bytes.subarray(start, n)));
    }
  }

  /** Closes and deletes the file (also after a failure). */
  dispose(): void {
    if (this.#closed) return;
    this.#closed = true;
    closeSync(this.#fd);
    try {
      unlinkSync(this.file);
    } catch {
      // already gone
    }
  }
}
