// Progress on stderr: a live line on a TTY (done/total, docs/s, ETA), nothing until the end otherwise.
// The ingest calls it; it never touches stdout.

export interface ProgressOptions {
  stream: NodeJS.WritableStream & { isTTY?: boolean };
  quiet: boolean;
  total: number;
  now?: () => number;
}

function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

export class Progress {
  private readonly started: number;
  private lastDraw = 0;
  private done = 0;
  private readonly live: boolean;
  private readonly now: () => number;

  constructor(private readonly options: ProgressOptions) {
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
    this.live = !options.quiet && options.stream.isTTY === true;
  }

  get elapsedMs(): number {
    return this.now() - this.started;
  }

  advance(count: number): void {
    this.done += count;
    if (!this.live) return;
    const at = this.now();
    if (at - this.lastDraw < 100 && this.done < this.options.total) return;
    this.lastDraw = at;
    this.options.stream.write(`\r\x1b[K${this.line()}`);
  }

  line(): string {
    const elapsed = this.elapsedMs;
    const rate = elapsed > 0 ? (this.done * 1000) / elapsed : 0;
    const left = this.options.total - this.done;
    const eta = rate > 0 ? `, ETA ${seconds((left / rate) * 1000)}` : '';
    return `ingest ${this.done}/${this.options.total} (${Math.round(rate)} docs/s${eta})`;
  }

  /** End the live line and print the run's summary (unless quiet). */
  finish(summary: string): void {
    if (this.options.quiet) return;
    if (this.live) this.options.stream.write('\r\x1b[K');
    this.options.stream.write(summary + '\n');
  }
}
