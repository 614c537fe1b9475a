// Ctrl-C and SIGTERM during an ingest: the first asks the run to stop taking new pages, finish the
// ones in flight, commit and write consistent exports and a report marked interrupted; a second
// stops at once (after `onForce`, which removes temp files and the lock; the database stays sound,
// as after SIGKILL). Exit codes follow the shell: 128 + signal number.

export type StopSignalName = 'SIGINT' | 'SIGTERM';

export const signalExitCode: Record<StopSignalName, number> = { SIGINT: 130, SIGTERM: 143 };

export class GracefulStop {
  /** The first signal received, or null while the run may go on. */
  signal: StopSignalName | null = null;
  private readonly handlers = new Map<StopSignalName, () => void>();

  constructor(
    private readonly options: {
      /** Told once, at the first signal. */
      onFirst?: (signal: StopSignalName) => void;
      /** Runs synchronously before the process exits at the second signal. */
      onForce?: (signal: StopSignalName) => void;
    } = {},
  ) {}

  get requested(): boolean {
    return this.signal !== null;
  }

  install(): this {
    for (const name of ['SIGINT', 'SIGTERM'] as const) {
      const handler = (): void => this.receive(name);
      this.handlers.set(name, handler);
      process.on(name, handler);
    }
    return this;
  }

  uninstall(): void {
    for (const [name, handler] of this.handlers) process.off(name, handler);
    this.handlers.clear();
  }

  /** What a signal does; public so tests can drive it without signalling the test runner. */
  receive(name: StopSignalName): void {
    if (this.signal === null) {
      this.signal = name;
      this.options.onFirst?.(name);
      return;
    }
    try {
      this.options.onForce?.(name);
    } finally {
      process.exit(signalExitCode[this.signal]);
    }
  }
}
